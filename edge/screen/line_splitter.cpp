#include "edge/screen/line_splitter.hpp"

namespace witryna::screen {

std::vector<LineSplitter::Piece> LineSplitter::feed(std::string_view bytes) {
  std::vector<Piece> pieces;
  while (!bytes.empty()) {
    const auto newline = bytes.find('\n');
    const auto chunk = bytes.substr(0, newline);
    if (!discarding_) {
      if (partial_.size() + chunk.size() > max_line_) {
        discarding_ = true;
        partial_.clear();
        partial_.shrink_to_fit();
        pieces.push_back({true, {}});
      } else {
        partial_.append(chunk);
      }
    }
    if (newline == std::string_view::npos) break;
    if (!discarding_) {
      if (!partial_.empty() && partial_.back() == '\r') partial_.pop_back();
      pieces.push_back({false, std::move(partial_)});
    }
    partial_.clear();
    discarding_ = false;
    bytes.remove_prefix(newline + 1);
  }
  return pieces;
}

}  // namespace witryna::screen
