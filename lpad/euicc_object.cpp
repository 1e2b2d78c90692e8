#include "lpad/euicc_object.h"

#include "core/bytes.h"
#include "engine/notification_delivery.h"
#include "es10/es10a.h"
#include "es10/es10b.h"
#include "es10/es10c.h"
#include "lpad/call_options.h"
#include "lpad/dbus_errors.h"

namespace lpad::daemon {

using Adaptor = org::lpad::Lpad1::Euicc_adaptor;

EuiccObject::EuiccObject(Services& services, std::string path, EuiccDevice device, EuiccSnapshot snapshot)
    : AdaptorInterfaces(services.connection(), path),
      services_(services),
      path_(std::move(path)),
      device_(std::move(device)),
      worker_(std::make_unique<CardWorker>()) {
  registerAdaptor();
  emitInterfacesAddedSignal({Adaptor::INTERFACE_NAME});
  apply(std::move(snapshot));
}

EuiccObject::~EuiccObject() {
  // A procedure waiting for an answer would keep the worker (joined below) waiting.
  if (active_control_)
    active_control_->stop({Errc::apdu_card_removed, "the eUICC went away", rsp::CancelSessionReason::postponed});
  worker_.reset();
  profiles_.clear();
  emitInterfacesRemovedSignal({Adaptor::INTERFACE_NAME});
  unregisterAdaptor();
}

std::vector<std::string> EuiccObject::CiPkids() {
  std::vector<std::string> out;
  for (const auto& pkid : snapshot_.info2.ci_pkids_for_verification) out.push_back(to_hex(pkid));
  return out;
}

std::vector<uint8_t> EuiccObject::EuiccInfo2() { return rsp::encode_euicc_info2(snapshot_.info2).encode(); }

std::vector<sdbus::ObjectPath> EuiccObject::Profiles() {
  std::vector<sdbus::ObjectPath> out;
  // In the card's order, which is the order `lpa list` shows.
  for (const auto& info : snapshot_.profiles)
    if (info.iccid)
      if (auto it = profiles_.find(info.iccid->digits()); it != profiles_.end()) out.emplace_back(it->second->path());
  return out;
}

void EuiccObject::apply(EuiccSnapshot snapshot) {
  std::vector<std::string> changed;
  const bool first = snapshot_.eid.empty();
  if (!first) {
    if (snapshot.info2.svn != snapshot_.info2.svn) changed.emplace_back("Svn");
    if (snapshot.info2.firmware_version != snapshot_.info2.firmware_version) changed.emplace_back("FirmwareVersion");
    if (snapshot.info2.free_nvm() != snapshot_.info2.free_nvm()) changed.emplace_back("FreeNvm");
    if (snapshot.info2.free_ram() != snapshot_.info2.free_ram()) changed.emplace_back("FreeRam");
    if (snapshot.addresses.default_dp_address != snapshot_.addresses.default_dp_address) changed.emplace_back("DefaultSmdpAddress");
    if (snapshot.addresses.root_ds_address != snapshot_.addresses.root_ds_address) changed.emplace_back("RootSmdsAddress");
    if (snapshot.info2.ci_pkids_for_verification != snapshot_.info2.ci_pkids_for_verification) changed.emplace_back("CiPkids");
    if (snapshot.info2 != snapshot_.info2) changed.emplace_back("EuiccInfo2");
  }
  snapshot_ = std::move(snapshot);

  std::map<std::string, std::unique_ptr<ProfileObject>> next;
  bool list_changed = false;
  for (const auto& info : snapshot_.profiles) {
    if (!info.iccid) continue;
    const auto& iccid = info.iccid->digits();
    if (auto it = profiles_.find(iccid); it != profiles_.end()) {
      it->second->update(info);
      next.emplace(iccid, std::move(it->second));
      profiles_.erase(it);
      continue;
    }
    list_changed = true;
    auto forward = [this](const Caller& caller, ProfileOperation operation, const std::string& id, const VariantMap& options,
                          const std::string& nickname, sdbus::Result<>&& reply) {
      profile_call(caller, operation, id, options, nickname, std::move(reply));
    };
    next.emplace(iccid, std::make_unique<ProfileObject>(services_.connection(), path_ + "/profile/" + iccid, path_, info, forward));
  }
  if (!profiles_.empty()) list_changed = true;  // what is left was deleted: destroying it signals InterfacesRemoved
  profiles_ = std::move(next);
  if (list_changed && !first) changed.emplace_back("Profiles");
  if (!changed.empty()) getObject().emitPropertiesChangedSignal(Adaptor::INTERFACE_NAME, changed);
}

void EuiccObject::apply(const SnapshotUpdate& update) {
  if (!update.empty()) apply(update.applied_to(snapshot_));
}

Caller EuiccObject::current_caller() const { return caller_of(*getObject().getCurrentlyProcessedMessage()); }

// Runs on the worker; device_ does not change under it but for modem_path, which it does not read.
Result<std::unique_ptr<DeviceSession>> EuiccObject::open_session() const { return DeviceSession::open(device_); }

void EuiccObject::set_modem(const std::string& path) {
  if (path == device_.modem_path) return;
  device_.modem_path = path;
  getObject().emitPropertiesChangedSignal(Adaptor::INTERFACE_NAME, {"Modem"});
}

Result<std::unique_ptr<engine::RspServers>> EuiccObject::open_servers() const {
  auto client = https::HttpsClient::create(services_.config().https);
  if (!client) return unexpected(client.error());
  return std::unique_ptr<engine::RspServers>(std::make_unique<engine::HttpsRspServers>(std::move(*client)));
}

template <class... Out, class Work>
void EuiccObject::card_call(const Caller& caller, sdbus::Result<Out...>&& reply, std::string_view action_id, CallKind kind,
                            SnapshotParts reread, bool notify_after, Work work) {
  auto shared_reply = std::make_shared<sdbus::Result<Out...>>(std::move(reply));
  auto send = [shared_reply](lpad::Result<std::tuple<Out...>> outcome) {
    if (!outcome) return shared_reply->returnError(to_dbus_error(outcome.error()));
    std::apply([&](auto&&... values) { shared_reply->returnResults(values...); }, *outcome);
  };
  services_.authority().check(
      caller, action_id,
      [this, alive = alive_token(), send, kind, reread, notify_after, work = std::make_shared<Work>(std::move(work))](lpad::Result<void> allowed) {
        if (!allowed) return send(unexpected(allowed.error()));
        if (alive.expired()) return send(unexpected(Error{Errc::daemon_no_such_object, "the eUICC went away"}));
        if (kind == CallKind::change && !active_job_.empty())
          return send(unexpected(Error{Errc::daemon_busy, "the eUICC is held by " + active_job_}));
        worker_->submit([this, alive, send, reread, notify_after, work]() mutable {
          auto& loop = services_.loop();
          auto session = open_session();
          if (!session) return loop.post([send, error = session.error()] { send(unexpected(error)); });
          auto outcome = (*work)((*session)->card());
          auto update = reread_snapshot((*session)->channel(), reread);
          loop.post([this, alive, send, outcome = std::move(outcome), update = std::move(update)]() mutable {
            // The reply first: a Delete removes the very object whose call this answers.
            send(std::move(outcome));
            if (!alive.expired()) apply(update);
          });
          if (!outcome || !notify_after || !services_.config().send_after_operations) return;
          // The reply is on its way; the SM-DP+ learns of the operation in the background. What
          // cannot be delivered stays on the card for ProcessNotifications.
          if (auto servers = open_servers())
            (void)engine::deliver_pending_notifications((*session)->channel(), **servers, std::nullopt,
                                                        services_.config().notification_retry());
        });
      });
}

void EuiccObject::profile_call(const Caller& caller, ProfileOperation operation, const std::string& iccid_digits, const VariantMap& options,
                               const std::string& nickname, sdbus::Result<>&& reply) {
  auto parsed = operation == ProfileOperation::remove
                    ? CallOptions::parse(options, {{"notify", "b"}})
                    : CallOptions::parse(options, {{"refresh", "b"}, {"notify", "b"}});
  if (!parsed) return reply.returnError(to_dbus_error(parsed.error()));
  const bool refresh = parsed->flag("refresh").value_or(true);
  const bool notify = parsed->flag("notify").value_or(true);
  if (operation == ProfileOperation::set_nickname && nickname.size() > 64)
    return reply.returnError(to_dbus_error(Error{Errc::invalid_argument, "a nickname has at most 64 bytes"}));
  auto iccid = Iccid::from_digits(iccid_digits);
  if (!iccid) return reply.returnError(to_dbus_error(iccid.error()));
  std::string_view action_id = operation == ProfileOperation::remove ? action::kDelete : action::kManageProfiles;
  // A delete frees memory (EUICCInfo2); the rest changes only the profile list.
  auto reread = operation == ProfileOperation::remove ? SnapshotParts::profiles | SnapshotParts::info2 : SnapshotParts::profiles;
  card_call(caller, std::move(reply), action_id, CallKind::change, reread, notify && operation != ProfileOperation::set_nickname,
            [operation, id = *iccid, refresh, nickname](engine::CardSession& card) -> lpad::Result<std::tuple<>> {
              lpad::Result<void> done;
              switch (operation) {
                case ProfileOperation::enable: done = es10::enable_profile(card.channel(), id, refresh); break;
                case ProfileOperation::disable: done = es10::disable_profile(card.channel(), id, refresh); break;
                case ProfileOperation::remove: done = es10::delete_profile(card.channel(), id); break;
                case ProfileOperation::set_nickname: done = es10::set_nickname(card.channel(), id, nickname); break;
              }
              if (!done) return unexpected(done.error());
              return std::tuple<>{};
            });
}

void EuiccObject::ListNotifications(sdbus::Result<std::vector<VariantMap>>&& result) {
  card_call(current_caller(), std::move(result), action::kRead, CallKind::read, SnapshotParts::none, false,
            [](engine::CardSession& card) -> lpad::Result<std::tuple<std::vector<VariantMap>>> {
              auto list = es10::list_notifications(card.channel());
              if (!list) return unexpected(list.error());
              std::vector<VariantMap> out;
              for (const auto& notification : *list) out.push_back(notification_dict(notification));
              return std::tuple{std::move(out)};
            });
}

void EuiccObject::RemoveNotifications(sdbus::Result<std::vector<uint64_t>>&& result, std::vector<uint64_t> seq_numbers) {
  card_call(current_caller(), std::move(result), action::kConfigure, CallKind::change, SnapshotParts::none, false,
            [wanted = seq_numbers](engine::CardSession& card) -> lpad::Result<std::tuple<std::vector<uint64_t>>> {
              std::vector<uint64_t> targets = wanted;
              if (targets.empty()) {
                auto list = es10::list_notifications(card.channel());
                if (!list) return unexpected(list.error());
                for (const auto& notification : *list) targets.push_back(notification.seq_number);
              }
              std::vector<uint64_t> removed;
              for (auto seq : targets) {
                if (auto done = es10::remove_notification(card.channel(), seq); !done) return unexpected(done.error());
                removed.push_back(seq);
              }
              return std::tuple{std::move(removed)};
            });
}

void EuiccObject::SetDefaultSmdp(sdbus::Result<>&& result, std::string address) {
  card_call(current_caller(), std::move(result), action::kConfigure, CallKind::change, SnapshotParts::addresses, false, [address](engine::CardSession& card) -> lpad::Result<std::tuple<>> {
    if (auto done = es10::set_default_dp_address(card.channel(), address); !done) return unexpected(done.error());
    return std::tuple<>{};
  });
}

void EuiccObject::Reset(sdbus::Result<>&& result, VariantMap options) {
  auto parsed = CallOptions::parse(options, {{"operational_profiles", "b"}, {"test_profiles", "b"}, {"default_smdp_address", "b"}});
  if (!parsed) return result.returnError(to_dbus_error(parsed.error()));
  es10::MemoryResetOptions reset{parsed->flag("operational_profiles").value_or(false), parsed->flag("test_profiles").value_or(false),
                                 parsed->flag("default_smdp_address").value_or(false)};
  if (!reset.operational_profiles && !reset.test_profiles && !reset.default_smdp_address)
    return result.returnError(to_dbus_error(Error{Errc::invalid_argument, "Reset needs at least one option set to true"}));
  card_call(current_caller(), std::move(result), action::kReset, CallKind::change, SnapshotParts::all, false, [reset](engine::CardSession& card) -> lpad::Result<std::tuple<>> {
    auto done = es10::memory_reset(card.channel(), reset);
    if (!done && done.error().code != Errc::es10_nothing_to_delete) return unexpected(done.error());
    return std::tuple<>{};
  });
}

void EuiccObject::Refresh(sdbus::Result<>&& result) {
  card_call(current_caller(), std::move(result), action::kRead, CallKind::read, SnapshotParts::all, false,
            [](engine::CardSession&) -> lpad::Result<std::tuple<>> {
              return std::tuple<>{};  // the re-read that follows is the refresh
            });
}

}  // namespace lpad::daemon
