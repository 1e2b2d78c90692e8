// The daemon: one system-bus connection and its event loop, the root object, an object per eUICC
// found, the jobs, polkit and the download journal. Everything D-Bus happens on the thread that
// runs run(); device scans and card work run on worker threads.
#pragma once

#include <sdbus-c++/sdbus-c++.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lpad/card_worker.h"
#include "lpad/device_scan.h"
#include "lpad/euicc_object.h"
#include "lpad/manager_object.h"
#include "lpad/modem_manager_watch.h"
#include "lpad/pcsc_watch.h"
#include "lpad/services.h"

namespace lpad::daemon {

using dbus_api::kBusName;

class Daemon final : public Services {
 public:
  Daemon(Config config, std::unique_ptr<sdbus::IConnection> connection);
  ~Daemon() override;

  // Scans for eUICCs, takes the bus name, serves until stop() or idle exit; the exit status.
  int run();
  void stop() { loop_.stop(0); }

  sdbus::IConnection& connection() override { return *connection_; }
  EventLoop& loop() override { return loop_; }
  Authority& authority() override { return authority_; }
  const Config& config() override { return config_; }
  DownloadJournal& journal() override { return journal_; }
  JobObject& add_job(JobObject::Setup setup) override;
  std::string next_job_path() override;
  JobObject* find_job(const std::string& path) override;
  void job_ended(const std::string& path) override;

 private:
  // Scans on the scan worker; `done` runs on the loop once the objects reflect the scan.
  void rescan(std::move_only_function<void()> done);
  // Hot-plug: one rescan for a burst of signals (a modem inhibited and re-created is two).
  void rescan_soon();
  void apply_scan(ScanResult scan);
  std::vector<sdbus::ObjectPath> euicc_paths() const;
  void watch_bus_names();
  void schedule_idle_check();
  bool idle() const;

  Config config_;
  std::unique_ptr<sdbus::IConnection> connection_;
  EventLoop loop_;
  Authority authority_;
  DownloadJournal journal_;
  std::unique_ptr<ManagerObject> manager_;
  std::vector<std::unique_ptr<EuiccObject>> euiccs_;  // in the order found
  std::set<DeviceKey> not_euicc_;                      // ModemManager modems probed in vain (ScanResult)
  bool rescan_pending_ = false;
  std::map<std::string, std::unique_ptr<JobObject>> jobs_;
  unsigned next_euicc_ = 0;
  unsigned next_job_ = 1;
  unsigned probe_retries_left_ = kProbeRetries;
  static constexpr unsigned kProbeRetries = 5;
  std::unique_ptr<sdbus::IProxy> bus_driver_;  // NameOwnerChanged: a job's owner leaving
  std::unique_ptr<PcscWatch> pcsc_watch_;
  std::unique_ptr<ModemManagerWatch> modem_watch_;
  std::unique_ptr<CardWorker> scanner_;  // last: joined first
};

}  // namespace lpad::daemon
