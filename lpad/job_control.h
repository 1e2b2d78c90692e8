// What a job's D-Bus object (event-loop thread) and its procedure (card worker thread) share: the
// answers to the procedure's questions, and a request to stop before the point of no return.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>

#include "engine/download.h"

namespace lpad::daemon {

class JobControl {
 public:
  // Worker side. Each returns as soon as there is an answer or a stop, or after `limit` (which
  // then becomes a stop: job.answer-timeout, SGP.22 reason "timeout").
  bool wait_for_consent(std::chrono::seconds limit);
  std::optional<std::string> wait_for_confirmation_code(std::chrono::seconds limit);
  std::optional<engine::StopRequest> stop_request() const;
  // The procedure passes its point of no return: stops are refused from now on. Returns instead
  // the stop that came first, if one did (the procedure then stops).
  std::optional<engine::StopRequest> commit();

  // Event-loop side.
  void accept();
  void reject();
  void provide_confirmation_code(std::string code);
  // False when it is too late (committed) or the job already stopped.
  bool stop(engine::StopRequest request);
  bool committed() const;

 private:
  template <class Ready>
  bool wait(std::chrono::seconds limit, Ready ready);

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool accepted_ = false;
  bool rejected_ = false;
  std::optional<std::string> code_;
  std::optional<engine::StopRequest> stop_;
  bool committed_ = false;
};

}  // namespace lpad::daemon
