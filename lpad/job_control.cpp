#include "lpad/job_control.h"

namespace lpad::daemon {

template <class Ready>
bool JobControl::wait(std::chrono::seconds limit, Ready ready) {
  std::unique_lock lock(mutex_);
  if (changed_.wait_for(lock, limit, [&] { return ready() || rejected_ || stop_.has_value(); })) return ready();
  stop_ = engine::StopRequest{Errc::job_answer_timeout,
                              "nobody answered within " + std::to_string(limit.count()) + " s; the download was cancelled",
                              rsp::CancelSessionReason::timeout};
  return false;
}

bool JobControl::wait_for_consent(std::chrono::seconds limit) {
  return wait(limit, [this] { return accepted_; });
}

std::optional<std::string> JobControl::wait_for_confirmation_code(std::chrono::seconds limit) {
  if (!wait(limit, [this] { return code_.has_value(); })) return std::nullopt;
  std::lock_guard lock(mutex_);
  return std::exchange(code_, std::nullopt);
}

std::optional<engine::StopRequest> JobControl::stop_request() const {
  std::lock_guard lock(mutex_);
  return stop_;
}

std::optional<engine::StopRequest> JobControl::commit() {
  std::lock_guard lock(mutex_);
  if (stop_) return stop_;
  committed_ = true;
  return std::nullopt;
}

void JobControl::accept() {
  std::lock_guard lock(mutex_);
  accepted_ = true;
  changed_.notify_all();
}

void JobControl::reject() {
  std::lock_guard lock(mutex_);
  rejected_ = true;
  changed_.notify_all();
}

void JobControl::provide_confirmation_code(std::string code) {
  std::lock_guard lock(mutex_);
  code_ = std::move(code);
  changed_.notify_all();
}

bool JobControl::stop(engine::StopRequest request) {
  std::lock_guard lock(mutex_);
  if (committed_ || stop_) return false;
  stop_ = std::move(request);
  changed_.notify_all();
  return true;
}

bool JobControl::committed() const {
  std::lock_guard lock(mutex_);
  return committed_;
}

}  // namespace lpad::daemon
