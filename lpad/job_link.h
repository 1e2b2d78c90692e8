// A procedure's handle on its job object from the card worker thread: every update is posted to
// the event loop and applied there if the job still exists.
#pragma once

#include <functional>
#include <string>

#include "lpad/services.h"

namespace lpad::daemon {

class JobLink {
 public:
  JobLink(Services& services, std::string job_path) : services_(services), job_path_(std::move(job_path)) {}

  void post(std::move_only_function<void(JobObject&)> update) {
    services_.loop().post([&services = services_, path = job_path_, update = std::move(update)]() mutable {
      if (auto* job = services.find_job(path)) update(*job);
    });
  }
  const std::string& job_path() const { return job_path_; }

 private:
  Services& services_;
  std::string job_path_;
};

}  // namespace lpad::daemon
