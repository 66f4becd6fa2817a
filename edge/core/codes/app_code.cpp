#include "edge/core/codes/app_code.hpp"

#include <cassert>

#include "edge/core/codes/outcome.hpp"

namespace witryna::core {
namespace {

constexpr int kBase = 32;

// Luhn mod N sum over symbol values from the right; `double_first` says
// whether the rightmost symbol is doubled (true when computing a check symbol
// for data, false when checking a complete code). nullopt for a bad symbol.
std::optional<int> luhn_sum(std::string_view symbols, bool double_first) {
  int sum = 0;
  bool doubled = double_first;
  for (auto it = symbols.rbegin(); it != symbols.rend(); ++it) {
    const auto value = crockford_value(*it);
    if (!value) return std::nullopt;
    int addend = *value * (doubled ? 2 : 1);
    addend = addend / kBase + addend % kBase;
    sum += addend;
    doubled = !doubled;
  }
  return sum % kBase;
}

}  // namespace

std::optional<int> crockford_value(char symbol) {
  const auto pos = kCrockfordAlphabet.find(symbol);
  if (pos == std::string_view::npos) return std::nullopt;
  return static_cast<int>(pos);
}

std::string normalize_app_code(std::string_view typed) {
  std::string out;
  out.reserve(typed.size());
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    out.push_back(c);
  }
  return out;
}

Result<char> app_code_check_symbol(std::string_view data) {
  if (data.size() != kAppCodeDataSymbols) {
    return reject(Outcome::kMalformed, "app code data is not 8 symbols");
  }
  const auto sum = luhn_sum(data, true);
  if (!sum) return reject(Outcome::kMalformed, "symbol outside the code alphabet");
  return kCrockfordAlphabet[static_cast<std::size_t>((kBase - *sum) % kBase)];
}

Result<std::string> make_app_code(std::string_view data) {
  return app_code_check_symbol(data).map([&](char check) {
    std::string code(data);
    code.push_back(check);
    return code;
  });
}

bool app_code_check_ok(std::string_view normalized) {
  if (normalized.size() != kAppCodeSymbols) return false;
  const auto sum = luhn_sum(normalized, false);
  return sum && *sum == 0;
}

std::string format_app_code(std::string_view normalized) {
  assert(normalized.size() == kAppCodeSymbols);
  std::string out;
  out.reserve(kAppCodeSymbols + 2);
  out.append(normalized.substr(0, 4));
  out.push_back('-');
  out.append(normalized.substr(4, 4));
  out.push_back('-');
  out.append(normalized.substr(8));
  return out;
}

Result<std::string> parse_app_code(std::string_view typed) {
  std::string normalized = normalize_app_code(typed);
  if (normalized.size() != kAppCodeSymbols) {
    return reject(Outcome::kMalformed, "app code is not 9 symbols");
  }
  for (const char c : normalized) {
    if (!crockford_value(c)) return reject(Outcome::kMalformed, "symbol outside the code alphabet");
  }
  if (!app_code_check_ok(normalized)) return reject(Outcome::kInvalidCheck, "wrong check symbol");
  return normalized;
}

std::string app_code_key(std::string_view normalized, const Sha256Hex& sha256_hex) {
  assert(sha256_hex);
  return sha256_hex(normalized);
}

}  // namespace witryna::core
