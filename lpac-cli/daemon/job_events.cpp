#include "lpac-cli/daemon/job_events.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace lpad::cli::daemon {

namespace {

sigset_t interrupt_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

Result<std::unique_ptr<JobEvents>> JobEvents::create() {
  UniqueFd wakeup(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
  if (!wakeup) return fail(Errc::io_error, std::string("eventfd: ") + std::strerror(errno));
  sigset_t signals = interrupt_signals(), previous;
  pthread_sigmask(SIG_BLOCK, &signals, &previous);
  UniqueFd signal_fd(::signalfd(-1, &signals, SFD_CLOEXEC | SFD_NONBLOCK));
  if (!signal_fd) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return fail(Errc::io_error, std::string("signalfd: ") + std::strerror(errno));
  }
  return std::make_unique<JobEvents>(Key{}, std::move(wakeup), std::move(signal_fd), previous);
}

JobEvents::JobEvents(Key, UniqueFd wakeup, UniqueFd signals, sigset_t previous_mask)
    : wakeup_(std::move(wakeup)), signals_(std::move(signals)), previous_mask_(previous_mask) {}

JobEvents::~JobEvents() {
  // Signals already handled as events must not kill lpa once unblocked.
  signalfd_siginfo info;
  while (::read(signals_.get(), &info, sizeof info) == sizeof info) {
  }
  pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

void JobEvents::post(JobEvent event) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(event));
  }
  std::uint64_t one = 1;
  [[maybe_unused]] auto written = ::write(wakeup_.get(), &one, sizeof one);
}

JobEvent JobEvents::wait() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (!queue_.empty()) {
        JobEvent event = std::move(queue_.front());
        queue_.pop_front();
        return event;
      }
    }
    pollfd fds[2] = {{wakeup_.get(), POLLIN, 0}, {signals_.get(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) continue;  // EINTR
    if (fds[1].revents & POLLIN) {
      signalfd_siginfo info;
      if (::read(signals_.get(), &info, sizeof info) == sizeof info) return Interrupted{};
    }
    if (fds[0].revents & POLLIN) {
      std::uint64_t count;
      [[maybe_unused]] auto read = ::read(wakeup_.get(), &count, sizeof count);
    }
  }
}

JobEvents::PromptWindow::PromptWindow() {
  sigset_t signals = interrupt_signals();
  pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
}

JobEvents::PromptWindow::~PromptWindow() {
  sigset_t signals = interrupt_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

}  // namespace lpad::cli::daemon
