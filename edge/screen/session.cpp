#include "edge/screen/session.hpp"

namespace witryna::screen {

void Session::start() {
  auto self = shared_from_this();
  handshake([self](boost::system::error_code ec) {
    if (ec) {
      self->close();
      return;
    }
    self->do_read();
  });
}

void Session::do_read() {
  if (closed_) return;
  auto self = shared_from_this();
  reading_ = true;
  async_read(boost::asio::buffer(read_buffer_), [self](boost::system::error_code ec,
                                                       std::size_t n) {
    self->reading_ = false;
    if (self->closed_) return;
    if (ec) {
      self->close();
      return;
    }
    for (const auto& piece : self->splitter_.feed(std::string_view(self->read_buffer_.data(), n))) {
      self->on_line(piece);
      if (self->closed_ || self->closing_after_write_) return;
    }
    self->do_read();
  });
}

void Session::on_line(const LineSplitter::Piece& piece) {
  if (piece.overlong) {
    on_protocol_error(Error{"line_too_long", "a line may hold at most 1 MiB"}, nullptr);
    return;
  }
  if (piece.line.empty()) return;  // a bare newline is harmless keep-alive
  auto parsed = parse_screen_line(piece.line);
  if (!parsed) {
    on_protocol_error(parsed.error().error, parsed.error().id);
    return;
  }
  if (auto* hello = std::get_if<Hello>(&*parsed)) {
    if (hello_) {
      on_protocol_error(Error{"invalid_message", "hello was already sent"}, nullptr);
      return;
    }
    errors_in_a_row_ = 0;
    hello_ = *hello;
    if (auto attached = owner_.attach(shared_from_this(), *hello); !attached) {
      hello_.reset();
      send_line(error_line(attached.error(), nullptr));
      closing_after_write_ = true;
    }
    return;
  }
  if (!hello_) {
    nlohmann::json id = nullptr;
    if (auto* action = std::get_if<Action>(&*parsed)) id = action->id;
    on_protocol_error(Error{"hello_first", "send hello before anything else"}, id);
    return;
  }
  errors_in_a_row_ = 0;
  owner_.message(shared_from_this(), std::move(*parsed));
}

void Session::on_protocol_error(const Error& error, const nlohmann::json& id) {
  owner_.protocol_error(error.code);
  send_line(error_line(error, id));
  if (++errors_in_a_row_ >= kMaxProtocolErrorsInARow) closing_after_write_ = true;
}

void Session::send_line(std::string line) {
  if (closed_) return;
  if (replies_.size() >= kMaxQueuedReplies) {
    // The screen is not reading its answers: dropping it is kinder to the
    // other screens than buffering without bound.
    close();
    return;
  }
  line.push_back('\n');
  replies_.push_back(std::move(line));
  do_write();
}

void Session::send_view(nlohmann::json view, std::function<std::int64_t()> next_rev) {
  if (closed_) return;
  pending_view_ = std::move(view);
  pending_rev_ = std::move(next_rev);
  do_write();
}

void Session::send_view(core::ViewText view, std::function<std::int64_t()> next_rev) {
  if (closed_) return;
  pending_view_ = std::move(view);
  pending_rev_ = std::move(next_rev);
  do_write();
}

void Session::do_write() {
  if (write_in_progress_ || closed_) return;
  if (!replies_.empty()) {
    writing_ = std::move(replies_.front());
    replies_.pop_front();
  } else if (pending_view_) {
    const std::string screen = hello_ ? hello_->screen : "";
    const auto rev = pending_rev_();
    if (auto* text = std::get_if<core::ViewText>(&*pending_view_)) {
      writing_ = core::view_line_text(*text, screen, rev);
    } else {
      writing_ = view_line(std::move(std::get<nlohmann::json>(*pending_view_)), screen, rev);
    }
    writing_.push_back('\n');
    pending_view_.reset();
    pending_rev_ = nullptr;
  } else {
    if (closing_after_write_) close();
    return;
  }
  write_in_progress_ = true;
  auto self = shared_from_this();
  async_write(boost::asio::buffer(writing_), [self](boost::system::error_code ec, std::size_t) {
    self->write_in_progress_ = false;
    if (ec) {
      self->close();
      return;
    }
    self->do_write();
  });
}

void Session::close() {
  if (closed_) return;
  closed_ = true;
  shutdown_transport();
  owner_.closed(shared_from_this());
}

}  // namespace witryna::screen
