// PC/SC hot-plug: a thread that waits in SCardGetStatusChange for readers coming and going and
// cards being inserted or removed, and says so (the daemon then rescans). Without pcscd it
// retries quietly every few seconds.
#pragma once

#include <functional>
#include <stop_token>
#include <thread>

namespace lpad::daemon {

class PcscWatch {
 public:
  // `changed` runs on the watch thread.
  explicit PcscWatch(std::function<void()> changed);
  PcscWatch(const PcscWatch&) = delete;
  PcscWatch& operator=(const PcscWatch&) = delete;

 private:
  void run(std::stop_token stop);

  std::function<void()> changed_;
  std::jthread thread_;  // last: stops and joins first
};

}  // namespace lpad::daemon
