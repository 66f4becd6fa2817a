#pragma once
// Parsing what the edge sends on the screen socket (screen-api.md) into typed
// values. Unknown fields are ignored; a missing required field or a wrong type
// is an Error with code missing_field / wrong_type / invalid_value.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "display/model/view_model.hpp"
#include "edge/core/result.hpp"

namespace witryna::display {

// The `view` object (the value of the "view" key).
[[nodiscard]] Result<ViewModel> parse_view(const nlohmann::json& view);

struct ViewMessage {
  ViewModel view;
};
// `{"request":{"id":…,"what":"screenshot"}}`; `id` is echoed back as sent.
struct RequestMessage {
  nlohmann::json id;
  std::string what;
};
// `{"result":{"id":…,"ok":…,"error":…}}` answering one of our actions.
struct ResultMessage {
  std::int64_t id = 0;
  bool ok = false;
  std::string error;
};
// `{"error":…}`: the edge did not understand a line of ours.
struct ErrorMessage {
  std::string error;
};

using ServerMessage = std::variant<ViewMessage, RequestMessage, ResultMessage, ErrorMessage>;

// One line from the edge (without its newline).
[[nodiscard]] Result<ServerMessage> parse_server_line(std::string_view line);
// The same, for a line already parsed as JSON.
[[nodiscard]] Result<ServerMessage> parse_server_message(const nlohmann::json& message);

}  // namespace witryna::display
