#include "lpac-cli/progress_bar.h"

#include <unistd.h>

#include <fmt/format.h>

namespace lpad::cli {

namespace {
constexpr int kWidth = 30;
}

ProgressBar::ProgressBar(bool enabled) : enabled_(enabled && ::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) fmt::print(stderr, "\n");
}

void ProgressBar::update(const engine::Progress& progress) {
  if (!enabled_) return;
  int filled = progress.percent * kWidth / 100;
  fmt::print(stderr, "\r[{:#<{}}{:<{}}] {:>3}% {:<16}", "", filled, "", kWidth - filled, progress.percent, progress.stage);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::pause() {
  if (!drawn_) return;
  fmt::print(stderr, "\r{:<{}}\r", "", kWidth + 24);
  drawn_ = false;
}

}  // namespace lpad::cli
