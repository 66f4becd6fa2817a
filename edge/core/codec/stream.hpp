#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace witryna::core {

// The central → store streams of mqtt.md.
enum class Stream { kCatalog, kStock, kProfiles, kReservations, kCodes, kNearby };

inline constexpr std::array<Stream, 6> kAllStreams = {Stream::kCatalog,  Stream::kStock,
                                                      Stream::kProfiles, Stream::kReservations,
                                                      Stream::kCodes,    Stream::kNearby};

// The contract's name of the stream ("catalog", "stock", …).
[[nodiscard]] const char* to_string(Stream s);
[[nodiscard]] std::optional<Stream> stream_from(std::string_view name);

}  // namespace witryna::core
