#pragma once
// Contract outcome names (codes.md, screen-api.md) → sentences a shopper or a
// cashier understands. Never shows the raw outcome word.

#include <string>
#include <string_view>

#include "display/model/language.hpp"
#include "display/model/translations.hpp"

namespace witryna::display {

enum class Severity { kSuccess, kInfo, kWarning, kError };

// Where the outcome came from: a scan at a kiosk, or a code typed at checkout
// ("expired" and "malformed" read differently in each).
enum class OutcomeSource { kScan, kCode };

struct FriendlyMessage {
  std::string title;
  std::string hint;
  Severity severity = Severity::kInfo;
};

// `fallback_text` is shown as the title for an outcome this screen does not
// know (a newer edge), else a generic "something went wrong".
[[nodiscard]] FriendlyMessage friendly_outcome(std::string_view outcome, OutcomeSource source,
                                               Language language,
                                               std::string_view fallback_text = {});

}  // namespace witryna::display
