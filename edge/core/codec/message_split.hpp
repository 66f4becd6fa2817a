#pragma once
// Cuts the text of a stream message into its envelope members and the text
// of each item, so that a 500-item snapshot part is never held as one JSON
// tree and each item's text can be stored as it came (mqtt.md "Streams").
//
// Only the structure between members is checked here; every member value and
// every item is parsed (validated) by nlohmann::json afterwards, so together
// they accept exactly the JSON that nlohmann accepts. Anything of another
// shape (not an object, `items` not an array, text after the object) gives
// nullopt: the caller then parses the payload whole, which also yields the
// error it always did.

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

namespace witryna::core {

struct SplitMessage {
  // Every top-level member except `items`, parsed (a repeated key: the last).
  nlohmann::json header = nlohmann::json::object();
  bool has_items = false;
  // Each element of `items` as text: views into the payload, in order.
  std::vector<std::string_view> items;
};

// nullopt: not the plain shape, or a member value that is not JSON.
[[nodiscard]] std::optional<SplitMessage> split_message(std::string_view payload);

}  // namespace witryna::core
