#pragma once
// JSON codec of the central → store streams: every header of edge/core/codec.
// Parsers never throw; a failure is Error{kMissingField | kWrongType |
// kInvalidValue | kInvalidJson, "<field path>"} and never carries a value.

#include "edge/core/codec/benefit_codec.hpp"
#include "edge/core/codec/catalog_codec.hpp"
#include "edge/core/codec/code_codec.hpp"
#include "edge/core/codec/envelope_codec.hpp"
#include "edge/core/codec/item.hpp"
#include "edge/core/codec/profile_codec.hpp"
#include "edge/core/codec/reservation_codec.hpp"
#include "edge/core/codec/stock_codec.hpp"
#include "edge/core/codec/stream.hpp"
