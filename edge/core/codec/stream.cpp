#include "edge/core/codec/stream.hpp"

namespace witryna::core {

const char* to_string(Stream s) {
  switch (s) {
    case Stream::kCatalog:
      return "catalog";
    case Stream::kStock:
      return "stock";
    case Stream::kProfiles:
      return "profiles";
    case Stream::kReservations:
      return "reservations";
    case Stream::kCodes:
      return "codes";
    case Stream::kNearby:
      return "nearby";
  }
  return "?";
}

std::optional<Stream> stream_from(std::string_view name) {
  for (const auto s : kAllStreams) {
    if (name == to_string(s)) return s;
  }
  return std::nullopt;
}

}  // namespace witryna::core
