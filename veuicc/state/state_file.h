// The software eUICC's state on disk: one JSON document, written atomically (a new file in the
// same folder, fsync, rename over the old one, fsync the folder), so that a kill at any moment
// leaves the old state or the new one, never a torn file.
#pragma once

#include <filesystem>

#include "core/error.h"
#include "veuicc/state/euicc_state.h"

namespace lpad::veuicc {

class StateFile {
 public:
  explicit StateFile(std::filesystem::path path) : path_(std::move(path)) {}

  const std::filesystem::path& path() const { return path_; }
  bool exists() const { return std::filesystem::exists(path_); }

  // Loads the state, or gives a fresh one (with `defaults`) when the file does not exist yet.
  Result<EuiccState> load_or_create(const CardConfiguration& defaults) const;
  Result<EuiccState> load() const;
  Result<void> save(const EuiccState& state) const;

 private:
  std::filesystem::path path_;
};

}  // namespace lpad::veuicc
