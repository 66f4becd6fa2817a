#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace witryna::screen {

// Splits a byte stream into newline-delimited lines of at most `max_line`
// bytes. A longer line is reported once as overlong and skipped up to its
// newline, so memory per connection stays bounded whatever the peer sends.
class LineSplitter {
 public:
  struct Piece {
    bool overlong = false;
    std::string line;  // without the '\n' (and without a trailing '\r')
  };

  explicit LineSplitter(std::size_t max_line) : max_line_(max_line) {}

  // Feeds bytes; returns the complete lines (and overlong markers) they finish.
  [[nodiscard]] std::vector<Piece> feed(std::string_view bytes);

 private:
  std::size_t max_line_;
  std::string partial_;
  bool discarding_ = false;
};

}  // namespace witryna::screen
