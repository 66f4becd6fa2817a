#include "display/model/friendly.hpp"

#include <array>
#include <optional>

namespace witryna::display {
namespace {

struct Row {
  std::string_view outcome;
  Text title;
  Text hint;
  Severity severity;
};

// Outcomes of a scan (codes.md §1–2) shown in a `message` view.
constexpr std::array kScanRows{
    Row{"ok", Text::kMsgOkTitle, Text::kMsgOkHint, Severity::kSuccess},
    Row{"card", Text::kMsgOkTitle, Text::kMsgOkHint, Severity::kSuccess},
    Row{"unknown_card", Text::kMsgUnknownCardTitle, Text::kMsgUnknownCardHint, Severity::kInfo},
    Row{"unrecognized", Text::kMsgUnrecognizedTitle, Text::kMsgUnrecognizedHint, Severity::kInfo},
    Row{"invalid_check_digit", Text::kMsgCardReadTitle, Text::kMsgCardReadHint, Severity::kWarning},
    Row{"bad_signature", Text::kMsgInvalidTokenTitle, Text::kMsgInvalidTokenHint,
        Severity::kWarning},
    Row{"unknown_key", Text::kMsgInvalidTokenTitle, Text::kMsgInvalidTokenHint, Severity::kWarning},
    Row{"lifetime_too_long", Text::kMsgInvalidTokenTitle, Text::kMsgInvalidTokenHint,
        Severity::kWarning},
    Row{"malformed", Text::kMsgUnrecognizedTitle, Text::kMsgUnrecognizedHint, Severity::kWarning},
    Row{"expired", Text::kMsgExpiredTitle, Text::kMsgExpiredHint, Severity::kWarning},
    Row{"not_yet_valid", Text::kMsgNotYetValidTitle, Text::kMsgNotYetValidHint, Severity::kWarning},
    Row{"replayed", Text::kMsgReplayedTitle, Text::kMsgReplayedHint, Severity::kWarning},
    Row{"unknown_customer", Text::kMsgUnknownCustomerTitle, Text::kMsgAskStaffHint,
        Severity::kInfo},
    Row{"session_ended", Text::kMsgThanksTitle, Text::kMsgThanksHint, Severity::kSuccess},
    Row{"goodbye", Text::kMsgThanksTitle, Text::kMsgThanksHint, Severity::kSuccess},
    Row{"outbox_full", Text::kMsgOutboxFullTitle, Text::kMsgAskStaffHint, Severity::kError},
};

// Outcomes of a code typed at checkout (codes.md §3, screen-api.md `code`).
constexpr std::array kCodeRows{
    Row{"ok", Text::kCodeValid, Text::kCustomerBenefit, Severity::kSuccess},
    Row{"unknown_code", Text::kMsgUnknownCodeTitle, Text::kMsgUnknownCodeHint, Severity::kError},
    Row{"expired", Text::kMsgExpiredTitle, Text::kMsgCodeExpiredHint, Severity::kError},
    Row{"already_used", Text::kMsgAlreadyUsedTitle, Text::kMsgAlreadyUsedHint, Severity::kError},
    Row{"needs_online", Text::kMsgNeedsOnlineTitle, Text::kMsgNeedsOnlineHint, Severity::kWarning},
    Row{"invalid_check", Text::kMsgInvalidCheckTitle, Text::kMsgInvalidCheckHint, Severity::kError},
    Row{"malformed", Text::kMsgMalformedCodeTitle, Text::kMsgMalformedCodeHint, Severity::kError},
    Row{"locked", Text::kMsgLockedTitle, Text::kMsgLockedHint, Severity::kWarning},
    Row{"outbox_full", Text::kMsgOutboxFullTitle, Text::kMsgAskStaffHint, Severity::kError},
};

template <typename Rows>
std::optional<Row> find(const Rows& rows, std::string_view outcome) {
  for (const auto& r : rows) {
    if (r.outcome == outcome) return r;
  }
  return std::nullopt;
}

}  // namespace

FriendlyMessage friendly_outcome(std::string_view outcome, OutcomeSource source, Language language,
                                 std::string_view fallback_text) {
  auto row = source == OutcomeSource::kCode ? find(kCodeRows, outcome) : find(kScanRows, outcome);
  if (!row) row = find(kScanRows, outcome);
  if (row) {
    return {std::string(tr(row->title, language)), std::string(tr(row->hint, language)),
            row->severity};
  }
  FriendlyMessage out;
  out.title = fallback_text.empty() ? std::string(tr(Text::kMsgGenericTitle, language))
                                    : std::string(fallback_text);
  out.hint = std::string(tr(Text::kMsgAskStaffHint, language));
  out.severity = Severity::kInfo;
  return out;
}

}  // namespace witryna::display
