#include "sync/core/seq_window.hpp"

#include <iterator>

namespace witryna::sync::core {

const char* to_string(LiveVerdict v) {
  switch (v) {
    case LiveVerdict::kDuplicate:
      return "duplicate";
    case LiveVerdict::kInOrder:
      return "in_order";
    case LiveVerdict::kGap:
      return "gap";
  }
  return "?";
}

LiveVerdict SeqWindow::accept(std::int64_t seq) {
  if (seq <= last_ || ahead_.contains(seq)) return LiveVerdict::kDuplicate;
  if (seq - 1 == last_) {  // seq > last_ here, so seq - 1 cannot overflow
    last_ = seq;
    advance();
    return LiveVerdict::kInOrder;
  }
  ahead_.insert(seq);
  if (ahead_.size() > max_ahead_) ahead_.erase(std::prev(ahead_.end()));
  return LiveVerdict::kGap;
}

void SeqWindow::raise_to(std::int64_t upto) {
  if (upto > last_) last_ = upto;
  advance();
}

void SeqWindow::advance() {
  while (!ahead_.empty() && *ahead_.begin() - 1 <= last_) {
    if (*ahead_.begin() - 1 == last_) last_ = *ahead_.begin();
    ahead_.erase(ahead_.begin());
  }
}

}  // namespace witryna::sync::core
