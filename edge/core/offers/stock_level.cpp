#include "edge/core/offers/offer_decision.hpp"

namespace witryna::core {

const char* to_string(StockLevel level) {
  switch (level) {
    case StockLevel::kIn:
      return "in";
    case StockLevel::kLow:
      return "low";
    case StockLevel::kOut:
      return "out";
  }
  return "?";
}

}  // namespace witryna::core
