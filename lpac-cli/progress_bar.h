// The download progress bar on standard error, drawn only when standard error is a terminal (and
// not with --json): scripts get clean output.
#pragma once

#include <string>

#include "engine/progress.h"

namespace lpad::cli {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();  // ends the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(const engine::Progress& progress);
  // Clears the bar so a prompt can use the line.
  void pause();

 private:
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace lpad::cli
