#include "core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/unique_fd.h"

namespace lpad {

namespace {

unexpected<Error> io_failure(std::string_view what, const std::filesystem::path& path) {
  return fail(Errc::io_error, fmt::format("cannot {} '{}': {}", what, path.string(), std::strerror(errno)));
}

}  // namespace

Result<void> write_file_atomically(const std::filesystem::path& path, ByteView content) {
  auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  auto temporary = folder / fmt::format(".{}.{}.tmp", path.filename().string(), ::getpid());
  {
    UniqueFd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (!fd) return io_failure("create", temporary);
    std::size_t written = 0;
    while (written < content.size()) {
      auto n = ::write(fd.get(), content.data() + written, content.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        auto failure = io_failure("write", temporary);
        ::unlink(temporary.c_str());
        return failure;
      }
      written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) {
      auto failure = io_failure("flush", temporary);
      ::unlink(temporary.c_str());
      return failure;
    }
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    auto failure = io_failure("replace", path);
    ::unlink(temporary.c_str());
    return failure;
  }
  // The rename itself must reach the disk too.
  UniqueFd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir || ::fsync(dir.get()) != 0) return io_failure("flush folder", folder);
  return {};
}

Result<Bytes> read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_failure("open", path);
  Bytes content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return io_failure("read", path);
  return content;
}

}  // namespace lpad
