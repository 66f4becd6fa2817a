#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "edge/core/domain/benefit.hpp"
#include "edge/core/time.hpp"

namespace witryna::domain {

enum class CodeScope { kStore, kBrand };
[[nodiscard]] const char* to_string(CodeScope s);

// A code as central sends it: only the hash of the normalized code, never the code.
struct CodeRecord {
  std::string code_hash;  // lowercase hex sha256
  Benefit benefit;
  std::string customer;
  std::string reason;
  TimePoint valid_to{};
  int max_uses = 1;
  CodeScope scope = CodeScope::kStore;
  std::int64_t ver = 0;

  friend bool operator==(const CodeRecord&, const CodeRecord&) = default;
};

}  // namespace witryna::domain
