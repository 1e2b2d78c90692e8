// One thread per eUICC: its card work runs one piece at a time, in order, while other eUICCs work
// concurrently and the D-Bus thread stays responsive. Work never touches D-Bus objects; it posts
// its outcome to the event loop.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace lpad::daemon {

class CardWorker {
 public:
  using Work = std::move_only_function<void()>;

  CardWorker();
  // Finishes the piece in progress, drops the queued ones, joins.
  ~CardWorker();
  CardWorker(const CardWorker&) = delete;
  CardWorker& operator=(const CardWorker&) = delete;

  void submit(Work work);
  // Work queued or running (for idle exit).
  bool busy() const;

 private:
  void run(std::stop_token stop);

  mutable std::mutex mutex_;
  std::condition_variable_any wake_;
  std::deque<Work> queue_;
  bool running_ = false;
  std::jthread thread_;  // last: starts after the members it uses exist
};

}  // namespace lpad::daemon
