// Replacing a file so that a crash at any moment leaves either the old content or the new one:
// write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
// Used for the software eUICC's state and the daemon's download journal.
#pragma once

#include <filesystem>

#include "core/bytes.h"
#include "core/error.h"

namespace lpad {

Result<void> write_file_atomically(const std::filesystem::path& path, ByteView content);

Result<Bytes> read_whole_file(const std::filesystem::path& path);

}  // namespace lpad
