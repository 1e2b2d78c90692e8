#include "lpad/event_loop.h"

#include <poll.h>
#include <sys/eventfd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include <sdbus-c++/Error.h>
#include <stdexcept>

namespace lpad::daemon {

EventLoop::EventLoop(sdbus::IConnection& connection)
    : connection_(connection), wakeup_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (!wakeup_) throw std::runtime_error("eventfd failed");
}

void EventLoop::post(Task task) {
  {
    std::lock_guard lock(mutex_);
    posted_.push_back(std::move(task));
  }
  std::uint64_t one = 1;
  (void)!::write(wakeup_.get(), &one, sizeof one);
}

EventLoop::TimerId EventLoop::call_after(Clock::duration delay, Task task) {
  TimerId id = next_timer_++;
  timers_.emplace(Clock::now() + delay, std::make_pair(id, std::move(task)));
  return id;
}

void EventLoop::cancel_timer(TimerId id) {
  std::erase_if(timers_, [id](const auto& entry) { return entry.second.first == id; });
}

void EventLoop::stop(int status) {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    status_ = status;
  }
  std::uint64_t one = 1;
  (void)!::write(wakeup_.get(), &one, sizeof one);
}

// A task that throws (a reply the bus refuses, a peer gone) is logged; the daemon serves on.
void EventLoop::run_guarded(Task& task) {
  try {
    task();
  } catch (const sdbus::Error& error) {
    std::fprintf(stderr, "lpad: D-Bus: %s: %s\n", error.getName().c_str(), error.getMessage().c_str());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lpad: %s\n", error.what());
  }
}

void EventLoop::run_posted() {
  std::uint64_t count = 0;
  (void)!::read(wakeup_.get(), &count, sizeof count);
  std::vector<Task> tasks;
  {
    std::lock_guard lock(mutex_);
    tasks.swap(posted_);
  }
  for (auto& task : tasks) run_guarded(task);
}

void EventLoop::run_due_timers() {
  while (!timers_.empty() && timers_.begin()->first <= Clock::now()) {
    auto task = std::move(timers_.begin()->second.second);
    timers_.erase(timers_.begin());
    run_guarded(task);
  }
}

int EventLoop::run() {
  for (;;) {
    run_posted();
    run_due_timers();
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return status_;
    }
    // Last before poll(): a task may have made a blocking bus call (RequestName), which reads and
    // queues incoming messages that poll() would then never report.
    while (connection_.processPendingRequest()) {
    }
    auto bus = connection_.getEventLoopPollData();
    int timeout_ms = bus.getPollTimeout();
    if (!timers_.empty()) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(timers_.begin()->first - Clock::now()).count();
      int timer_ms = static_cast<int>(std::max<std::int64_t>(0, left));
      timeout_ms = timeout_ms < 0 ? timer_ms : std::min(timeout_ms, timer_ms);
    }
    pollfd fds[2] = {{bus.fd, static_cast<short>(bus.events), 0}, {wakeup_.get(), POLLIN, 0}};
    if (::poll(fds, 2, timeout_ms) < 0 && errno != EINTR) throw std::runtime_error("poll failed");
  }
}

}  // namespace lpad::daemon
