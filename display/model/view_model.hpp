#pragma once
// The typed form of one `view` from the edge (screen-api.md). Immutable once
// parsed: the client hands it to the render thread as
// shared_ptr<const ViewModel>, and views read it only.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/domain/benefit.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/domain/reservation.hpp"
#include "edge/core/time.hpp"

namespace witryna::display {

enum class Mode { kIdle, kCustomer, kCode, kPickups, kService, kMessage };
[[nodiscard]] const char* to_string(Mode m);

struct Status {
  bool online = false;
  std::optional<TimePoint> last_sync;
  std::int64_t outbox = 0;
  std::string version;
};

struct Customer {
  std::string id;
  std::optional<std::string> display_name;
  std::string tier;
  std::int64_t points = 0;          // as sent; the edge counts pending points in it
  std::int64_t points_pending = 0;  // optional `pending_points`: accrued here, not yet confirmed
  bool personalized = false;
  // Consents as far as the screen knows them: the view carries `personalized`
  // and a `display_name` only with consent; an optional `consents` object (if
  // the edge sends one) fills in the rest. Absent counts as refused (mqtt.md).
  domain::Consents consents;
  domain::Preferences preferences;  // optional `preferences` object, for the quiz
};

enum class StockLevel { kIn, kLow, kOut, kUnknown };

struct StockInfo {
  StockLevel level = StockLevel::kUnknown;
  std::optional<std::int64_t> available;
};

struct NearbyStore {
  std::string store;
  std::string name;
  std::optional<std::int64_t> distance_m;
  StockLevel level = StockLevel::kUnknown;
  std::optional<TimePoint> as_of;
  bool stale = false;
};

// `alternative`: another sku in stock here. The contract does not fix its
// shape; a bare sku string or an object with sku/name/size is accepted.
struct Alternative {
  std::string sku;
  std::string name;
  std::string size;
  std::string color;
  std::optional<StockInfo> stock;
};

// The product an offer is about, when the edge sends it (`product`).
struct ProductInfo {
  std::string name;
  std::string size;
  std::string color;
  std::optional<std::int64_t> price_minor;
  std::string currency;
};

struct Offer {
  std::string offer;
  std::string title;
  std::string body;
  std::optional<domain::Benefit> benefit;
  std::vector<std::string> reasons;
  std::string sku;
  std::optional<ProductInfo> product;
  std::optional<StockInfo> stock;
  std::optional<Alternative> alternative;
  std::vector<NearbyStore> nearby;
};

struct ReservationCard {
  std::string reservation;
  std::string sku;
  std::string name;
  std::string size;
  domain::ReservationStatus status = domain::ReservationStatus::kHeld;
  std::optional<TimePoint> hold_until;
  std::string fitting_room;
  std::optional<domain::Benefit> discount;
  std::optional<std::string> customer_name;  // pickups list: only if the edge sends it
};

// Outcome of a code typed at checkout (screen-api.md `code`). `status` is the
// contract word ("ok", "expired", …) so an unknown one is still shown.
struct CodeOutcome {
  std::optional<std::string> ticket;
  std::string status;
  std::optional<domain::Benefit> benefit;
  std::optional<std::string> customer;
  bool redeemed = false;  // the cashier confirmed and the edge recorded it
};

struct HistoryItem {
  std::optional<TimePoint> at;
  std::string channel;
  std::string note;
};

// `message`: the contract names the mode but not the field's shape. The edge
// sends `{"code":"unknown_card","detail":"…"}`; a bare outcome string, or
// `outcome`/`reason` for the name and `text` for the words, are accepted too.
// `text` is shown only for an outcome this screen does not know.
struct Message {
  std::string outcome;
  std::string text;
};

struct ViewModel {
  std::int64_t rev = 0;
  std::string screen;
  Mode mode = Mode::kIdle;
  Status status;
  std::optional<Customer> customer;
  std::vector<Offer> offers;
  std::vector<ReservationCard> reservations;
  std::optional<CodeOutcome> code;
  std::optional<std::vector<HistoryItem>> history;  // only sent with history_for_staff consent
  std::optional<Message> message;
};

// True when anything in `v` concerns one person: a customer, a code outcome,
// a history, or reservations shown outside the checkout pickups list.
[[nodiscard]] bool has_personal_data(const ViewModel& v);

// What the screen shows when it has no view from the edge, or the edge is
// gone: nothing personal, only the last known status.
[[nodiscard]] ViewModel neutral_view(const Status& status);

}  // namespace witryna::display
