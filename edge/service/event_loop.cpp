#include "edge/service/event_loop.hpp"

#include <boost/asio/post.hpp>

namespace witryna::service {

EventLoop::EventLoop() : work_(boost::asio::make_work_guard(io_)) {}

void EventLoop::run() {
  if (io_.stopped()) io_.restart();
  io_.run();
}

void EventLoop::stop() {
  io_.stop();
}

void EventLoop::post(std::function<void()> fn) {
  boost::asio::post(io_, std::move(fn));
}

Timer::Timer(EventLoop& loop) : timer_(loop.io()) {}

Timer::~Timer() {
  cancel();
}

void Timer::after(Duration delay, std::function<void()> fn) {
  fn_ = std::move(fn);
  period_.reset();
  arm(delay);
}

void Timer::every(Duration period, std::function<void()> fn) {
  fn_ = std::move(fn);
  period_ = period;
  arm(period);
}

void Timer::cancel() {
  ++*generation_;
  timer_.cancel();
}

void Timer::arm(Duration delay) {
  const std::uint64_t generation = ++*generation_;
  timer_.expires_after(delay);
  timer_.async_wait([this, generation, alive = generation_](boost::system::error_code ec) {
    // `alive` outlives the Timer; `this` is used only while the generation
    // still matches, i.e. the Timer neither died nor re-armed or cancelled.
    if (ec || *alive != generation) return;
    if (period_) arm(*period_);
    // fn may destroy or re-arm this Timer: call a copy, touch nothing after.
    auto fn = fn_;
    fn();
  });
}

}  // namespace witryna::service
