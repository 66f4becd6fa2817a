#include "edge/update/durable_fs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "edge/service/unique_fd.hpp"

namespace witryna::update {

namespace fs = std::filesystem;

namespace {

Unexpected io_error(const std::string& what, const fs::path& path, int error = errno) {
  return fail(std::string(errc::kIo), what + " " + path.string() + ": " + std::strerror(error));
}

}  // namespace

Result<void> fsync_path(const fs::path& path) {
  const service::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return io_error("open", path);
  if (::fsync(fd.get()) != 0) return io_error("fsync", path);
  return {};
}

Result<void> fsync_parent(const fs::path& path) {
  const auto parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  return fsync_path(parent);
}

Result<void> write_file_atomically(const fs::path& path, std::string_view content, int mode) {
  const auto tmp = fs::path(path.string() + ".tmp");
  {
    const service::UniqueFd fd(
        ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, static_cast<mode_t>(mode)));
    if (fd.get() < 0) return io_error("create", tmp);
    std::size_t done = 0;
    while (done < content.size()) {
      const auto n = ::write(fd.get(), content.data() + done, content.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return io_error("write", tmp);
      done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd.get(), static_cast<mode_t>(mode)) != 0) return io_error("chmod", tmp);
    if (::fsync(fd.get()) != 0) return io_error("fsync", tmp);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) return io_error("rename to", path);
  return fsync_parent(path);
}

Result<std::string> read_small_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error("open", path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return io_error("read", path);
  return text.str();
}

Result<void> switch_symlink(const fs::path& link, const fs::path& target) {
  const auto tmp = fs::path(link.string() + ".new");
  ::unlink(tmp.c_str());  // a leftover of an interrupted switch
  if (::symlink(target.c_str(), tmp.c_str()) != 0) return io_error("symlink", tmp);
  if (::rename(tmp.c_str(), link.c_str()) != 0) return io_error("rename to", link);
  return fsync_parent(link);
}

std::optional<fs::path> symlink_target(const fs::path& link) {
  std::error_code ec;
  if (!fs::is_symlink(fs::symlink_status(link, ec))) return std::nullopt;
  auto target = fs::read_symlink(link, ec);
  if (ec) return std::nullopt;
  return target;
}

Result<void> fsync_tree(const fs::path& root) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_symlink(ec)) continue;
    if (auto synced = fsync_path(it->path()); !synced) return synced;
  }
  if (ec) return fail(std::string(errc::kIo), "walk " + root.string() + ": " + ec.message());
  return fsync_path(root);
}

}  // namespace witryna::update
