// Follows one lpad job (download, discovery, notification run) from its start to its end, as
// docs/dbus-api.md "How a client downloads a profile" says: the job object is watched from the
// moment its path is known and its properties are read once after that, so no state is missed;
// the progress bar follows Stage/Percent; questions are answered from the command line or asked
// on the terminal; Ctrl-C cancels the job.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "lpac-cli/daemon/daemon_connection.h"
#include "lpac-cli/download_runner.h"

namespace lpad::cli::daemon {

struct JobInteraction {
  bool progress_bar = false;
  // How to answer consent and confirmation-code questions; null for jobs that ask none.
  const DownloadPrompting* prompting = nullptr;
};

struct FinishedJob {
  JobResult result;
  std::optional<ProfileOffer> offer;  // the ProfileMetadata a download showed
};

// `start` calls the method that creates the job and returns its path. A job that failed or was
// cancelled is its Error; lpad leaving the bus mid-job is an error too.
Result<FinishedJob> run_job(DaemonConnection& connection, const std::function<Result<std::string>()>& start,
                            const JobInteraction& interaction);

}  // namespace lpad::cli::daemon
