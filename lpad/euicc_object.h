// org.lpad.Lpad1.Euicc: one object per eUICC found, with its profiles as child objects. Every
// method is card work on the eUICC's own worker thread, after polkit said yes; the properties and
// profile objects come from the snapshot read after each change (no APDU to read them).
#pragma once

#include <sdbus-c++/sdbus-c++.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>

#include "dbus_api/euicc_adaptor.h"
#include "engine/card_session.h"
#include "engine/rsp_servers.h"
#include "lpad/card_worker.h"
#include "lpad/device_session.h"
#include "lpad/euicc_device.h"
#include "lpad/euicc_snapshot.h"
#include "lpad/job_link.h"
#include "lpad/profile_object.h"
#include "lpad/services.h"

namespace lpad::daemon {

class EuiccObject final
    : public sdbus::AdaptorInterfaces<org::lpad::Lpad1::Euicc_adaptor, sdbus::ManagedObject_adaptor, sdbus::Properties_adaptor> {
 public:
  EuiccObject(Services& services, std::string path, EuiccDevice device, EuiccSnapshot snapshot);
  ~EuiccObject();

  const std::string& path() const { return path_; }
  const std::string& eid() const { return snapshot_.eid; }
  const EuiccDevice& device() const { return device_; }
  bool busy() const { return worker_->busy() || !active_job_.empty(); }
  // The card's newer view: properties and profile objects follow, with their signals.
  void apply(EuiccSnapshot snapshot);
  void apply(const SnapshotUpdate& update);
  // The ModemManager modem's object now: a new one after each inhibition, "/" while not listed.
  void set_modem(const std::string& path);

  // After a crash: cancel the downloads the journal left open, send pending notifications.
  void recover_from_journal();

 private:
  // D-Bus methods (euicc_object.cpp: card operations; euicc_jobs.cpp: jobs).
  void Download(sdbus::Result<sdbus::ObjectPath>&& result, std::string activation_code, VariantMap options) override;
  void Discover(sdbus::Result<sdbus::ObjectPath>&& result, VariantMap options) override;
  void ListNotifications(sdbus::Result<std::vector<VariantMap>>&& result) override;
  void ProcessNotifications(sdbus::Result<sdbus::ObjectPath>&& result, VariantMap options) override;
  void RemoveNotifications(sdbus::Result<std::vector<uint64_t>>&& result, std::vector<uint64_t> seq_numbers) override;
  void SetDefaultSmdp(sdbus::Result<>&& result, std::string address) override;
  void Reset(sdbus::Result<>&& result, VariantMap options) override;
  void Refresh(sdbus::Result<>&& result) override;

  std::string Eid() override { return snapshot_.eid; }
  std::string Backend() override { return device_.transport.backend; }
  std::string Device() override { return device_.transport.device; }
  sdbus::ObjectPath Modem() override { return sdbus::ObjectPath(device_.modem_path); }
  std::string Svn() override { return snapshot_.info2.svn.to_string(); }
  std::string FirmwareVersion() override { return snapshot_.info2.firmware_version.to_string(); }
  uint64_t FreeNvm() override { return snapshot_.info2.free_nvm().value_or(0); }
  uint64_t FreeRam() override { return snapshot_.info2.free_ram().value_or(0); }
  std::string DefaultSmdpAddress() override { return snapshot_.addresses.default_dp_address.value_or(""); }
  std::string RootSmdsAddress() override { return snapshot_.addresses.root_ds_address; }
  std::vector<std::string> CiPkids() override;
  std::vector<uint8_t> EuiccInfo2() override;
  std::vector<sdbus::ObjectPath> Profiles() override;

  void profile_call(const Caller& caller, ProfileOperation operation, const std::string& iccid, const VariantMap& options,
                    const std::string& nickname, sdbus::Result<>&& reply);

  // The common path of every card method: polkit, then (for changes) no running job, then
  // `work` on the worker with a card session, then the `reread` parts of the snapshot are read
  // again; `reply` gets the outcome on the event-loop thread. With `notify_after`, pending
  // notifications go to their SM-DP+ afterwards, in the background.
  enum class CallKind {
    read,    // runs even while a job holds the card (queued behind it)
    change,  // refused while a job holds the card
  };
  template <class... Out, class Work>
  void card_call(const Caller& caller, sdbus::Result<Out...>&& reply, std::string_view action_id, CallKind kind,
                 SnapshotParts reread, bool notify_after, Work work);

  // Jobs (euicc_jobs.cpp).
  // A job's procedure, on the worker: returns the job's Result dictionary or its error.
  using JobWork = std::move_only_function<lpad::Result<VariantMap>(engine::CardSession&, engine::RspServers&, JobLink&)>;
  struct JobStart {
    std::string_view action_id;
    std::string kind;
    bool holds_card = false;     // download, discovery: the card's RSP session is theirs
    bool answers_given = true;   // needs nothing from its owner
    std::string server_address;  // "" until known
    std::shared_ptr<JobControl> control = std::make_shared<JobControl>();
  };
  void start_job(Caller caller, JobStart start, sdbus::Result<sdbus::ObjectPath>&& reply, JobWork work);
  void end_job(const std::string& job_path, bool holds_card, SnapshotUpdate update, lpad::Result<VariantMap> outcome);

  Caller current_caller() const;
  std::weak_ptr<int> alive_token() const { return alive_; }
  Result<std::unique_ptr<DeviceSession>> open_session() const;
  Result<std::unique_ptr<engine::RspServers>> open_servers() const;

  Services& services_;
  std::string path_;
  EuiccDevice device_;
  EuiccSnapshot snapshot_;
  std::map<std::string, std::unique_ptr<ProfileObject>> profiles_;  // by ICCID
  std::string active_job_;                                          // a download or discovery holds the card
  std::shared_ptr<JobControl> active_control_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // expires with the object, for late answers
  std::unique_ptr<CardWorker> worker_;                       // last: joined first, while the rest exists
};

}  // namespace lpad::daemon
