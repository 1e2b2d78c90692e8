// What the eUICC, profile and job objects need from the daemon around them. Everything here is
// used on the event-loop thread only, except loop.post().
#pragma once

#include <sdbus-c++/IConnection.h>

#include <memory>
#include <string>

#include "dbus_api/names.h"
#include "lpad/authority.h"
#include "lpad/config.h"
#include "lpad/download_journal.h"
#include "lpad/event_loop.h"
#include "lpad/job_object.h"

namespace lpad::daemon {

using dbus_api::kRootPath;

class Services {
 public:
  virtual ~Services() = default;
  virtual sdbus::IConnection& connection() = 0;
  virtual EventLoop& loop() = 0;
  virtual Authority& authority() = 0;
  virtual const Config& config() = 0;
  virtual DownloadJournal& journal() = 0;

  // Jobs: created here, looked up by path (nullptr once removed), removed job_linger after they end.
  virtual JobObject& add_job(JobObject::Setup setup) = 0;
  virtual std::string next_job_path() = 0;
  virtual JobObject* find_job(const std::string& path) = 0;
  virtual void job_ended(const std::string& path) = 0;
};

}  // namespace lpad::daemon
