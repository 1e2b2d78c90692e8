// org.lpad.Lpad1.Job: one object per download, discovery or notification run (docs/dbus-api.md,
// "Jobs"). Its procedure runs on the eUICC's card worker and reports here through the event loop;
// the owner (the connection that started it) answers its questions.
#pragma once

#include <sdbus-c++/sdbus-c++.h>

#include <functional>
#include <memory>
#include <string>

#include "dbus_api/job_adaptor.h"
#include "lpad/authority.h"
#include "lpad/bus_values.h"
#include "lpad/job_control.h"

namespace lpad::daemon {

namespace job_state {
inline constexpr std::string_view kRunning = "running";
inline constexpr std::string_view kWaitingForConsent = "waiting-for-consent";
inline constexpr std::string_view kWaitingForConfirmationCode = "waiting-for-confirmation-code";
inline constexpr std::string_view kSucceeded = "succeeded";
inline constexpr std::string_view kFailed = "failed";
inline constexpr std::string_view kCancelled = "cancelled";
}  // namespace job_state

class JobObject final
    : public sdbus::AdaptorInterfaces<org::lpad::Lpad1::Job_adaptor, sdbus::ManagedObject_adaptor, sdbus::Properties_adaptor> {
 public:
  struct Setup {
    std::string path;
    std::string kind;  // download, discovery, notifications
    std::string euicc_path;
    std::string owner;                // unique bus name
    bool answers_given = false;       // accept (and a code, if one is needed) came with the call
    std::shared_ptr<JobControl> control;
  };

  JobObject(sdbus::IConnection& connection, Authority& authority, Setup setup);
  ~JobObject();

  const std::string& path() const { return setup_.path; }
  const std::string& owner() const { return setup_.owner; }
  bool ended() const;

  // From the procedure, on the event-loop thread.
  void set_server_address(std::string address);
  void set_progress(std::string_view stage, unsigned percent);
  void ask_consent(VariantMap metadata);
  void ask_confirmation_code();
  void set_not_cancellable();
  void succeed(VariantMap result);
  void end_with(const lpad::Error& error);  // failed, or cancelled for the Cancelled codes

  // The owner left the bus: a job that needs an answer cannot go on.
  void owner_left();

 private:
  void Accept() override;
  void Reject() override;
  void ProvideConfirmationCode(const std::string& confirmation_code) override;
  void Cancel(sdbus::Result<>&& result) override;

  std::string Kind() override { return setup_.kind; }
  sdbus::ObjectPath Euicc() override { return sdbus::ObjectPath(setup_.euicc_path); }
  std::string ServerAddress() override { return server_address_; }
  std::string State() override { return state_; }
  std::string Stage() override { return stage_; }
  uint32_t Percent() override { return percent_; }
  bool Cancellable() override;
  VariantMap ProfileMetadata() override { return metadata_; }
  VariantMap Error() override { return error_; }
  VariantMap Result() override { return result_; }

  void require_owner(std::string_view method) const;
  void set_state(std::string_view state, std::vector<std::string> also_changed = {});
  void cancel_now(sdbus::Result<>& reply, std::string who);

  std::weak_ptr<int> alive_token() const { return alive_; }

  Authority& authority_;
  Setup setup_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // expires with the object, for late polkit answers
  std::string state_{job_state::kRunning};
  std::string stage_;
  uint32_t percent_ = 0;
  std::string server_address_;
  bool cancellable_ = true;
  bool owner_gone_ = false;
  VariantMap metadata_;
  VariantMap error_;
  VariantMap result_;
};

}  // namespace lpad::daemon
