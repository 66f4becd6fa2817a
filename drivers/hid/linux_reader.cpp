#include "drivers/hid/linux_reader.hpp"

#include <sys/ioctl.h>

#include <cerrno>
#include <cstring>

namespace witryna::drivers::hid {

EvdevReader::EvdevReader(boost::asio::io_context& io, int fd, EventHandler on_event,
                         EndHandler on_end)
    : on_event_(std::move(on_event)),
      reader_(
          io, fd, [this](std::string_view data) { bytes(data); }, std::move(on_end)) {}

Result<void> EvdevReader::grab() {
  if (::ioctl(reader_.native_handle(), EVIOCGRAB, 1) != 0) {
    return fail(std::string(errc::kIo), std::string("EVIOCGRAB: ") + std::strerror(errno));
  }
  return {};
}

void EvdevReader::bytes(std::string_view data) {
  constexpr auto kRecord = sizeof(input_event);
  partial_.append(data);
  std::size_t offset = 0;
  while (partial_.size() - offset >= kRecord) {
    input_event event{};
    std::memcpy(&event, partial_.data() + offset, kRecord);
    offset += kRecord;
    on_event_(event);
  }
  partial_.erase(0, offset);
}

}  // namespace witryna::drivers::hid
