#pragma once
// The edge core's stream vocabulary under the sync core's namespace. Inside
// witryna::sync::core, a bare `core::` names this namespace, not witryna::core.

#include "edge/core/codec/envelope_codec.hpp"
#include "edge/core/codec/stream.hpp"

namespace witryna::sync::core {

using Stream = ::witryna::core::Stream;
using SnapshotPart = ::witryna::core::SnapshotPart;
using Envelope = ::witryna::core::Envelope;
using ::witryna::core::kAllStreams;

}  // namespace witryna::sync::core
