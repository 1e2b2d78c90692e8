// Hands what the bus thread receives about a job to the main thread, which waits for it and for
// Ctrl-C at once (an eventfd and a signalfd in one poll), so the terminal, the progress bar and
// every answer to the job stay on the main thread.
#pragma once

#include <signal.h>

#include <deque>
#include <memory>
#include <mutex>
#include <variant>

#include "core/error.h"
#include "core/unique_fd.h"
#include "lpac-cli/daemon/object_model.h"

namespace lpad::cli::daemon {

struct DaemonLeft {};   // lpad lost its name on the bus (crash, restart)
struct Interrupted {};  // Ctrl-C or SIGTERM
using JobEvent = std::variant<JobUpdate, DaemonLeft, Interrupted>;

class JobEvents {
  struct Key {};

 public:
  // Blocks SIGINT and SIGTERM on the calling (main) thread until destroyed: they arrive as events.
  static Result<std::unique_ptr<JobEvents>> create();
  JobEvents(Key, UniqueFd wakeup, UniqueFd signals, sigset_t previous_mask);
  ~JobEvents();
  JobEvents(const JobEvents&) = delete;
  JobEvents& operator=(const JobEvents&) = delete;

  void post(JobEvent event);  // any thread
  JobEvent wait();            // the main thread

  // While a question is on the terminal Ctrl-C ends lpa at once (the read cannot be interrupted
  // otherwise); lpad then cancels the job, whose owner left while an answer was needed.
  class PromptWindow {
   public:
    PromptWindow();
    ~PromptWindow();
    PromptWindow(const PromptWindow&) = delete;
    PromptWindow& operator=(const PromptWindow&) = delete;
  };

 private:
  std::mutex mutex_;
  std::deque<JobEvent> queue_;
  UniqueFd wakeup_;   // eventfd: the queue has something
  UniqueFd signals_;  // signalfd: SIGINT, SIGTERM
  sigset_t previous_mask_;
};

}  // namespace lpad::cli::daemon
