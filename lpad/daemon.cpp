#include "lpad/daemon.h"

#include <cstdio>

#include "lpad/dbus_errors.h"
#include "lpad/modem_manager.h"

namespace lpad::daemon {

Daemon::Daemon(Config config, std::unique_ptr<sdbus::IConnection> connection)
    : config_(std::move(config)),
      connection_(std::move(connection)),
      loop_(*connection_),
      authority_(*connection_),
      journal_(config_.state_directory),
      scanner_(std::make_unique<CardWorker>()) {
  manager_ = std::make_unique<ManagerObject>(
      *connection_, std::string(kRootPath),
      ManagerObject::Hooks{[this] { return euicc_paths(); },
                           [this](const Caller& caller, sdbus::Result<>&& reply) {
                             authority_.check(caller, action::kRead,
                                              [this, reply = std::make_shared<sdbus::Result<>>(std::move(reply))](lpad::Result<void> allowed) {
                                                if (!allowed) return reply->returnError(to_dbus_error(allowed.error()));
                                                not_euicc_.clear();  // asked for: the modems without an eUICC are probed again
                                                rescan([reply] { reply->returnResults(); });
                                              });
                           }});
  watch_bus_names();
}

Daemon::~Daemon() {
  modem_watch_.reset();
  pcsc_watch_.reset();
  scanner_.reset();
  jobs_.clear();
  euiccs_.clear();
  manager_.reset();
}

std::vector<sdbus::ObjectPath> Daemon::euicc_paths() const {
  std::vector<sdbus::ObjectPath> out;
  for (const auto& euicc : euiccs_) out.emplace_back(euicc->path());
  return out;
}

void Daemon::rescan(std::move_only_function<void()> done) {
  std::set<DeviceKey> known;
  for (const auto& euicc : euiccs_) known.insert({euicc->device().transport.backend, euicc->device().transport.device});
  scanner_->submit([this, known = std::move(known), not_euicc = not_euicc_, done = std::move(done)]() mutable {
    auto scan = scan_devices(config_, known, not_euicc);
    loop_.post([this, scan = std::move(scan), done = std::move(done)]() mutable {
      apply_scan(std::move(scan));
      done();
    });
  });
}

void Daemon::rescan_soon() {
  if (rescan_pending_) return;
  rescan_pending_ = true;
  loop_.call_after(std::chrono::milliseconds(500), [this] {
    rescan_pending_ = false;
    rescan([] {});
  });
}

void Daemon::apply_scan(ScanResult scan) {
  bool changed = false;
  not_euicc_ = std::move(scan.not_euicc);
  // Gone: a reader or modem that no longer exists. A busy eUICC stays until its work ends; a
  // ModemManager modem is not listed while inhibited or probed again, and stays while its port does.
  std::erase_if(euiccs_, [&](const std::unique_ptr<EuiccObject>& euicc) {
    const auto& device = euicc->device();
    DeviceKey key{device.transport.backend, device.transport.device};
    if (!device.modem_uid.empty()) {
      auto listed = scan.modem_paths.find(key);
      euicc->set_modem(listed == scan.modem_paths.end() ? "/" : listed->second);
      if (listed == scan.modem_paths.end() && port_exists(device.transport.device)) return false;
    }
    bool gone = !device.from_config && !scan.present.contains(key);
    if (gone && !euicc->busy()) {
      std::fprintf(stderr, "lpad: eUICC %s on %s went away\n", euicc->eid().c_str(), device.transport.device.c_str());
      changed = true;
      return true;
    }
    return false;
  });
  for (auto& found : scan.found) {
    bool known = false;  // two scans queued back to back find the same new device
    for (const auto& euicc : euiccs_)
      known = known || (euicc->device().transport.backend == found.device.transport.backend &&
                        euicc->device().transport.device == found.device.transport.device);
    if (known) continue;
    auto path = std::string(kRootPath) + "/euicc/" + std::to_string(next_euicc_++);
    std::fprintf(stderr, "lpad: eUICC %s on %s %s is %s\n", found.snapshot.eid.c_str(), found.device.transport.backend.c_str(),
                 found.device.transport.device.c_str(), path.c_str());
    euiccs_.push_back(std::make_unique<EuiccObject>(*this, path, std::move(found.device), std::move(found.snapshot)));
    euiccs_.back()->recover_from_journal();
    changed = true;
  }
  if (changed) manager_->euiccs_changed();
  // A card that does not answer yet (reset by pcscd after a crashed client, a modem still booting)
  // is probed again a few times; hot-plug and Rescan cover anything later.
  if (scan.unanswered == 0) {
    probe_retries_left_ = kProbeRetries;
  } else if (probe_retries_left_ > 0) {
    --probe_retries_left_;
    loop_.call_after(std::chrono::seconds(2), [this] { rescan([] {}); });
  }
}

std::string Daemon::next_job_path() { return std::string(kRootPath) + "/job/" + std::to_string(next_job_++); }

JobObject& Daemon::add_job(JobObject::Setup setup) {
  auto path = setup.path;
  auto job = std::make_unique<JobObject>(*connection_, authority_, std::move(setup));
  auto& ref = *job;
  jobs_[path] = std::move(job);
  return ref;
}

JobObject* Daemon::find_job(const std::string& path) {
  auto it = jobs_.find(path);
  return it == jobs_.end() ? nullptr : it->second.get();
}

void Daemon::job_ended(const std::string& path) {
  // The object lingers so a slow client still reads State, Error and Result.
  loop_.call_after(config_.job_linger, [this, path] {
    jobs_.erase(path);
  });
}

void Daemon::watch_bus_names() {
  bus_driver_ = sdbus::createProxy(*connection_, "org.freedesktop.DBus", "/org/freedesktop/DBus");
  bus_driver_->uponSignal("NameOwnerChanged")
      .onInterface("org.freedesktop.DBus")
      .call([this](const std::string& name, const std::string& /*old_owner*/, const std::string& new_owner) {
        if (!new_owner.empty() || name.empty() || name[0] != ':') return;
        for (auto& [path, job] : jobs_)
          if (job->owner() == name) job->owner_left();
      });
  bus_driver_->finishRegistration();
}

bool Daemon::idle() const {
  for (const auto& [path, job] : jobs_)
    if (!job->ended()) return false;
  if (!jobs_.empty()) return false;  // a client may still read a finished job
  for (const auto& euicc : euiccs_)
    if (euicc->busy()) return false;
  return true;
}

void Daemon::schedule_idle_check() {
  if (config_.idle_exit.count() == 0) return;
  loop_.call_after(config_.idle_exit, [this] {
    if (idle()) {
      std::fprintf(stderr, "lpad: idle for %lld s, exiting (D-Bus activation starts it again)\n",
                   static_cast<long long>(config_.idle_exit.count()));
      loop_.stop(0);
      return;
    }
    schedule_idle_check();
  });
}

int Daemon::run() {
  // Watched before the first scan, so a modem added meanwhile is not missed.
  if (config_.modem_manager) modem_watch_ = std::make_unique<ModemManagerWatch>(*connection_, [this] { rescan_soon(); });
  // The first scan completes before the name is taken, so a client that activated lpad sees its
  // eUICCs in its first GetManagedObjects.
  rescan([this] {
    try {
      connection_->requestName(kBusName);
    } catch (const sdbus::Error& error) {
      // Another lpad serves the name (or the bus policy refuses it): a second one would hold the
      // cards without anyone reaching it, and never go idle.
      std::fprintf(stderr, "lpad: cannot own %s (%s: %s); is another lpad running?\n", kBusName, error.getName().c_str(),
                   error.getMessage().c_str());
      return loop_.stop(1);
    }
    std::fprintf(stderr, "lpad: serving %zu eUICC(s) as %s\n", euiccs_.size(), kBusName);
    if (config_.pcsc) pcsc_watch_ = std::make_unique<PcscWatch>([this] { loop_.post([this] { rescan([] {}); }); });
    schedule_idle_check();
  });
  return loop_.run();
}

}  // namespace lpad::daemon
