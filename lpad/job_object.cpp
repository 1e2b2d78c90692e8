#include "lpad/job_object.h"

#include "dbus_api/error_names.h"
#include "lpad/dbus_errors.h"

namespace lpad::daemon {

using lpad::Errc;

JobObject::JobObject(sdbus::IConnection& connection, Authority& authority, Setup setup)
    : AdaptorInterfaces(connection, setup.path), authority_(authority), setup_(std::move(setup)) {
  registerAdaptor();
  emitInterfacesAddedSignal({org::lpad::Lpad1::Job_adaptor::INTERFACE_NAME});
}

JobObject::~JobObject() {
  emitInterfacesRemovedSignal({org::lpad::Lpad1::Job_adaptor::INTERFACE_NAME});
  unregisterAdaptor();
}

bool JobObject::ended() const {
  return state_ == job_state::kSucceeded || state_ == job_state::kFailed || state_ == job_state::kCancelled;
}

bool JobObject::Cancellable() { return cancellable_ && !ended(); }

void JobObject::set_state(std::string_view state, std::vector<std::string> also_changed) {
  state_ = std::string(state);
  also_changed.push_back("State");
  also_changed.push_back("Cancellable");
  getObject().emitPropertiesChangedSignal(org::lpad::Lpad1::Job_adaptor::INTERFACE_NAME, also_changed);
}

void JobObject::set_server_address(std::string address) {
  server_address_ = std::move(address);
  getObject().emitPropertiesChangedSignal(org::lpad::Lpad1::Job_adaptor::INTERFACE_NAME, {"ServerAddress"});
}

void JobObject::set_progress(std::string_view stage, unsigned percent) {
  if (ended()) return;
  std::vector<std::string> changed;
  if (stage_ != stage) {
    stage_ = std::string(stage);
    changed.push_back("Stage");
  }
  if (percent > percent_) {  // never decreasing
    percent_ = percent;
    changed.push_back("Percent");
  }
  if (changed.empty()) return;
  getObject().emitPropertiesChangedSignal(org::lpad::Lpad1::Job_adaptor::INTERFACE_NAME, changed);
  emitProgress(stage_, percent_);
}

void JobObject::ask_consent(VariantMap metadata) {
  metadata_ = std::move(metadata);
  set_state(job_state::kWaitingForConsent, {"ProfileMetadata"});
  if (owner_gone_) owner_left();
}

void JobObject::ask_confirmation_code() {
  set_state(job_state::kWaitingForConfirmationCode);
  if (owner_gone_) owner_left();
}

void JobObject::set_not_cancellable() {
  if (!cancellable_) return;
  cancellable_ = false;
  getObject().emitPropertiesChangedSignal(org::lpad::Lpad1::Job_adaptor::INTERFACE_NAME, {"Cancellable"});
}

void JobObject::succeed(VariantMap result) {
  result_ = std::move(result);
  stage_ = "done";
  percent_ = 100;
  set_state(job_state::kSucceeded, {"Result", "Stage", "Percent"});
  emitProgress(stage_, percent_);
}

void JobObject::end_with(const lpad::Error& error) {
  error_ = error_dict(error);
  bool cancelled = dbus_api::error_name(error.code) == std::string(dbus_api::kErrorPrefix) + "Cancelled";
  set_state(cancelled ? job_state::kCancelled : job_state::kFailed, {"Error"});
}

void JobObject::owner_left() {
  owner_gone_ = true;
  if (ended()) return;
  const bool waiting = state_ == job_state::kWaitingForConsent || state_ == job_state::kWaitingForConfirmationCode;
  if (!waiting && setup_.answers_given) return;  // it needs nobody: let it finish
  setup_.control->stop({Errc::job_owner_left, "the client that started the download left the bus", rsp::CancelSessionReason::postponed});
}

void JobObject::require_owner(std::string_view method) const {
  const auto* message = getObject().getCurrentlyProcessedMessage();
  if (!message || message->getSender() != setup_.owner)
    throw_error(lpad::Error{Errc::daemon_not_authorized, std::string(method) + " is answered only for the job's owner"});
}

void JobObject::Accept() {
  require_owner("Accept");
  if (state_ != job_state::kWaitingForConsent)
    throw_error(lpad::Error{Errc::job_wrong_state, "Accept needs waiting-for-consent; the job is " + state_});
  setup_.control->accept();
  set_state(job_state::kRunning);
}

void JobObject::Reject() {
  require_owner("Reject");
  if (state_ != job_state::kWaitingForConsent && state_ != job_state::kWaitingForConfirmationCode)
    throw_error(lpad::Error{Errc::job_wrong_state, "Reject needs a waiting state; the job is " + state_});
  setup_.control->reject();
  set_state(job_state::kRunning);
}

void JobObject::ProvideConfirmationCode(const std::string& confirmation_code) {
  require_owner("ProvideConfirmationCode");
  if (state_ != job_state::kWaitingForConfirmationCode)
    throw_error(lpad::Error{Errc::job_wrong_state, "ProvideConfirmationCode needs waiting-for-confirmation-code; the job is " + state_});
  if (confirmation_code.empty() || confirmation_code.size() > 64)
    throw_error(lpad::Error{Errc::invalid_argument, "a confirmation code has 1 to 64 characters"});
  setup_.control->provide_confirmation_code(confirmation_code);
  set_state(job_state::kRunning);
}

void JobObject::cancel_now(sdbus::Result<>& reply, std::string who) {
  if (ended()) return reply.returnError(to_dbus_error(lpad::Error{Errc::job_wrong_state, "the job has ended: " + state_}));
  if (!setup_.control->stop({Errc::job_cancelled, "cancelled by " + who, rsp::CancelSessionReason::postponed}))
    return reply.returnError(to_dbus_error(
        lpad::Error{Errc::job_wrong_state, "the download is past its point of no return (the profile is being installed)"}));
  reply.returnResults();
}

void JobObject::Cancel(sdbus::Result<>&& result) {
  Caller caller = caller_of(*getObject().getCurrentlyProcessedMessage());
  if (caller.bus_name == setup_.owner) return cancel_now(result, "its owner");
  // Anybody else needs the download right; `this` outlives the answer only while the object
  // exists, so the job is looked up again through a weak handle.
  authority_.check(caller, action::kDownload,
                   [this, reply = std::make_shared<sdbus::Result<>>(std::move(result)), alive = alive_token()](lpad::Result<void> allowed) mutable {
                     if (alive.expired()) return reply->returnError(to_dbus_error(lpad::Error{Errc::daemon_no_such_object, "the job is gone"}));
                     if (!allowed) return reply->returnError(to_dbus_error(allowed.error()));
                     cancel_now(*reply, "an administrator");
                   });
}

}  // namespace lpad::daemon
