// The Euicc methods that start jobs (docs/dbus-api.md, "Jobs"): Download, Discover,
// ProcessNotifications, and the recovery of downloads a crash left open.
#include "core/bytes.h"
#include "engine/discovery.h"
#include "engine/download.h"
#include "engine/notification_delivery.h"
#include "engine/session_cancellation.h"
#include "lpad/call_options.h"
#include "lpad/dbus_errors.h"
#include "lpad/euicc_object.h"
#include "qr/activation_code.h"

namespace lpad::daemon {
namespace {

// The engine's progress, as the job's Stage and Percent.
engine::ProgressSink progress_of(JobLink& link) {
  return [&link](const engine::Progress& progress) {
    link.post([stage = std::string(progress.stage), percent = progress.percent](JobObject& job) {
      job.set_progress(stage, static_cast<unsigned>(percent));
    });
  };
}

}  // namespace

void EuiccObject::start_job(Caller caller, JobStart start, sdbus::Result<sdbus::ObjectPath>&& reply, JobWork work) {
  auto shared_reply = std::make_shared<sdbus::Result<sdbus::ObjectPath>>(std::move(reply));
  auto shared_work = std::make_shared<JobWork>(std::move(work));
  auto action_id = start.action_id;
  services_.authority().check(caller, action_id, [this, alive = alive_token(), caller, start = std::move(start), shared_reply,
                                                  shared_work](lpad::Result<void> allowed) mutable {
    if (!allowed) return shared_reply->returnError(to_dbus_error(allowed.error()));
    if (alive.expired()) return shared_reply->returnError(to_dbus_error(Error{Errc::daemon_no_such_object, "the eUICC went away"}));
    if (start.holds_card && !active_job_.empty())
      return shared_reply->returnError(to_dbus_error(Error{Errc::daemon_busy, "the eUICC is held by " + active_job_}));
    auto& job = services_.add_job({services_.next_job_path(), start.kind, path_, caller.bus_name, start.answers_given, start.control});
    if (!start.server_address.empty()) job.set_server_address(start.server_address);
    if (start.holds_card) {
      active_job_ = job.path();
      active_control_ = start.control;
    }
    shared_reply->returnResults(sdbus::ObjectPath(job.path()));
    // A download installs (profiles) and takes memory (EUICCInfo2); other jobs change neither.
    auto reread = start.kind == "download" ? SnapshotParts::profiles | SnapshotParts::info2 : SnapshotParts::none;
    worker_->submit([this, job_path = job.path(), holds_card = start.holds_card, reread, shared_work] {
      auto session = open_session();
      if (!session) return end_job(job_path, holds_card, {}, unexpected(session.error()));
      auto servers = open_servers();
      if (!servers) return end_job(job_path, holds_card, {}, unexpected(servers.error()));
      JobLink link(services_, job_path);
      auto result = (*shared_work)((*session)->card(), **servers, link);
      // Also after a failure: the update tells what the card holds now, whatever happened.
      end_job(job_path, holds_card, reread_snapshot((*session)->channel(), reread), std::move(result));
    });
  });
}

// Worker thread: hands the outcome to the event loop.
void EuiccObject::end_job(const std::string& job_path, bool holds_card, SnapshotUpdate update, lpad::Result<VariantMap> outcome) {
  services_.loop().post([this, alive = alive_token(), job_path, holds_card, update = std::move(update),
                         outcome = std::move(outcome)]() mutable {
    if (!alive.expired()) {
      apply(update);
      if (holds_card && active_job_ == job_path) {
        active_job_.clear();
        active_control_.reset();
      }
    }
    if (auto* job = services_.find_job(job_path)) {
      if (outcome) job->succeed(std::move(*outcome));
      else job->end_with(outcome.error());
    }
    services_.job_ended(job_path);
  });
}

void EuiccObject::Download(sdbus::Result<sdbus::ObjectPath>&& result, std::string activation_code, VariantMap options) {
  auto fail_call = [&](const Error& error) { result.returnError(to_dbus_error(error)); };
  auto parsed = CallOptions::parse(
      options, {{"accept", "b"}, {"confirmation_code", "s"}, {"imei", "s"}, {"smdp_address", "s"}, {"event_id", "s"}});
  if (!parsed) return fail_call(parsed.error());
  engine::DownloadRequest request;
  bool code_flagged = false;
  if (!activation_code.empty()) {
    if (parsed->text("smdp_address") || parsed->text("event_id"))
      return fail_call(Error{Errc::invalid_argument, "smdp_address and event_id go with an empty activation code"});
    auto code = qr::parse_activation_code(activation_code);
    if (!code) return fail_call(code.error());
    request.smdp_address = code->smdp_address;
    if (!code->matching_id.empty()) request.matching_id = code->matching_id;
    code_flagged = code->confirmation_code_required;
  } else if (auto smdp = parsed->text("smdp_address")) {
    request.smdp_address = *smdp;
    request.matching_id = parsed->text("event_id");
  } else if (parsed->text("event_id")) {
    return fail_call(Error{Errc::invalid_argument, "event_id needs smdp_address"});
  } else if (snapshot_.addresses.default_dp_address && !snapshot_.addresses.default_dp_address->empty()) {
    request.smdp_address = *snapshot_.addresses.default_dp_address;
  } else {
    return fail_call(Error{Errc::invalid_argument, "no activation code, no smdp_address, and the eUICC has no default SM-DP+"});
  }
  request.confirmation_code = parsed->text("confirmation_code");
  request.device.imei = parsed->text("imei");
  if (auto info = engine::make_device_info(request.device); !info) return fail_call(info.error());
  const bool accept = parsed->flag("accept").value_or(false);

  JobStart start{action::kDownload, "download", true, accept && (request.confirmation_code || !code_flagged), request.smdp_address};
  auto control = start.control;
  const auto limit = services_.config().consent_timeout;
  const auto retry = services_.config().notification_retry();
  start_job(current_caller(), std::move(start), std::move(result),
            [this, request, accept, control, limit, retry, eid = snapshot_.eid](
                engine::CardSession& card, engine::RspServers& servers, JobLink& link) -> lpad::Result<VariantMap> {
              auto& journal = services_.journal();
              engine::DownloadCallbacks callbacks;
              callbacks.progress = progress_of(link);
              if (!accept)
                callbacks.consent = [&](const engine::ProfileOffer& offer) {
                  link.post([dict = metadata_dict(offer.metadata, offer.confirmation_code_required)](JobObject& job) mutable {
                    job.ask_consent(std::move(dict));
                  });
                  return control->wait_for_consent(limit);
                };
              callbacks.confirmation_code = [&]() -> std::optional<std::string> {
                link.post([](JobObject& job) { job.ask_confirmation_code(); });
                return control->wait_for_confirmation_code(limit);
              };
              callbacks.stop_requested = [&] { return control->stop_request(); };
              std::string transaction_id;
              auto journal_stage = [&](const char* stage) {
                if (auto written = journal.record({eid, request.smdp_address, transaction_id, stage}); !written)
                  std::fprintf(stderr, "lpad: cannot journal the download: %s\n", written.error().describe().c_str());
              };
              callbacks.session_opened = [&](const std::string& id) {
                transaction_id = id;
                journal_stage("authenticated");
              };
              callbacks.point_of_no_return = [&]() -> std::optional<engine::StopRequest> {
                if (auto stop = control->commit()) return stop;
                link.post([](JobObject& job) { job.set_not_cancellable(); });
                journal_stage("installing");
                return std::nullopt;
              };
              auto downloaded = engine::download_profile(card.channel(), servers, request, callbacks, retry);
              if (!transaction_id.empty()) journal.forget(transaction_id);
              if (!downloaded) return unexpected(downloaded.error());
              const auto& iccid = downloaded->metadata.iccid.digits();
              return VariantMap{{"profile", sdbus::Variant(sdbus::ObjectPath(path_ + "/profile/" + iccid))},
                                {"iccid", sdbus::Variant(iccid)},
                                {"isdp_aid", sdbus::Variant(to_hex(downloaded->isdp_aid))},
                                {"notification", sdbus::Variant(delivery_dict(downloaded->install_notification))}};
            });
}

void EuiccObject::Discover(sdbus::Result<sdbus::ObjectPath>&& result, VariantMap options) {
  auto parsed = CallOptions::parse(options, {{"smds", "s"}, {"imei", "s"}});
  if (!parsed) return result.returnError(to_dbus_error(parsed.error()));
  engine::DiscoveryRequest request{parsed->text("smds"), {parsed->text("imei"), std::nullopt}};
  if (auto info = engine::make_device_info(request.device); !info) return result.returnError(to_dbus_error(info.error()));
  JobStart start{action::kManageProfiles, "discovery", true, true, request.smds_address.value_or("")};
  start_job(current_caller(), std::move(start), std::move(result),
            [request](engine::CardSession& card, engine::RspServers& servers, JobLink& link) -> lpad::Result<VariantMap> {
              auto found = engine::discover_events(card.channel(), servers, request, progress_of(link));
              if (!found) return unexpected(found.error());
              link.post([address = found->smds_address](JobObject& job) { job.set_server_address(address); });
              std::vector<VariantMap> events;
              for (const auto& event : found->events)
                events.push_back({{"event_id", sdbus::Variant(event.event_id)}, {"smdp_address", sdbus::Variant(event.rsp_server_address)}});
              return VariantMap{{"smds_address", sdbus::Variant(found->smds_address)}, {"events", sdbus::Variant(events)}};
            });
}

void EuiccObject::ProcessNotifications(sdbus::Result<sdbus::ObjectPath>&& result, VariantMap options) {
  auto parsed = CallOptions::parse(options, {{"seq_number", "t"}});
  if (!parsed) return result.returnError(to_dbus_error(parsed.error()));
  auto seq_number = parsed->number("seq_number");
  auto retry = services_.config().notification_retry();
  JobStart start{action::kManageProfiles, "notifications", false, true, ""};
  start_job(current_caller(), std::move(start), std::move(result),
            [seq_number, retry](engine::CardSession& card, engine::RspServers& servers, JobLink& link) -> lpad::Result<VariantMap> {
              link.post([](JobObject& job) { job.set_progress("notifying", 0); });
              auto deliveries = engine::deliver_pending_notifications(card.channel(), servers, seq_number, retry);
              if (!deliveries) return unexpected(deliveries.error());
              std::vector<VariantMap> out;
              for (const auto& delivery : *deliveries) out.push_back(delivery_dict(delivery));
              return VariantMap{{"notifications", sdbus::Variant(out)}};
            });
}

void EuiccObject::recover_from_journal() {
  auto entries = services_.journal().entries_for(snapshot_.eid);
  if (entries.empty()) return;
  worker_->submit([this, alive = alive_token(), entries = std::move(entries)] {
    auto session = open_session();
    auto servers = open_servers();
    if (!session || !servers) {
      std::fprintf(stderr, "lpad: cannot recover the downloads a crash left open on %s yet: %s\n", snapshot_.eid.c_str(),
                   (!session ? session.error() : servers.error()).describe().c_str());
      return;
    }
    auto& journal = services_.journal();
    for (const auto& entry : entries) {
      if (entry.stage != "installing") {
        auto id_bytes = from_hex(entry.transaction_id);
        auto smdp = (*servers)->smdp(entry.smdp_address);
        auto outcome = engine::cancel_download_session((*session)->channel(), smdp.get(),
                                                       {entry.transaction_id, id_bytes ? *id_bytes : Bytes{}},
                                                       rsp::CancelSessionReason::postponed);
        std::fprintf(stderr, "lpad: a download a crash left open: cancelled on the eUICC %s, at the SM-DP+ %s%s%s\n",
                     outcome.card_cancelled ? "yes" : "no", outcome.server_cancelled ? "yes" : "no",
                     outcome.problem ? "; " : "", outcome.problem ? outcome.problem->describe().c_str() : "");
      }
      journal.forget(entry.transaction_id);
    }
    (void)engine::deliver_pending_notifications((*session)->channel(), **servers, std::nullopt,
                                                services_.config().notification_retry());
    if (auto snapshot = read_snapshot((*session)->channel()))
      services_.loop().post([this, alive, snapshot = std::move(*snapshot)]() mutable {
        if (!alive.expired()) apply(std::move(snapshot));
      });
  });
}

}  // namespace lpad::daemon
