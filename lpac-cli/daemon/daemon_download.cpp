#include "lpac-cli/daemon/daemon_download.h"

#include "lpac-cli/daemon/job_runner.h"

namespace lpad::cli::daemon {

namespace {

void add_imei(Properties& options, const CommandContext& ctx) {
  if (ctx.servers.device.imei) options.emplace("imei", sdbus::Variant(*ctx.servers.device.imei));
}

// The finished job names the profile; its metadata is what the job showed, else the new profile
// object's (a job that needed no consent may not have kept it).
Result<rsp::ProfileMetadata> installed_metadata(EuiccClient& euicc, const FinishedJob& job) {
  if (job.offer) return job.offer->metadata;
  auto state = euicc.connection().read_state();
  if (!state) return unexpected(state.error());
  auto profile = state->profiles.find(job.result.profile_path);
  if (profile == state->profiles.end() || !profile->second.info.iccid)
    return fail(Errc::io_error, "lpad reports the download done but shows no such profile (" + job.result.profile_path + ")");
  const auto& info = profile->second.info;
  return rsp::ProfileMetadata{*info.iccid, info.service_provider_name.value_or(""), info.profile_name.value_or(""), info.icon_type,
                              std::nullopt, info.profile_class.value_or(rsp::ProfileClass::operational), {}, std::nullopt,
                              info.policy_rules};
}

}  // namespace

Result<nlohmann::json> download(CommandContext& ctx, EuiccClient& euicc, const DownloadOrder& order, const DownloadPrompting& prompting) {
  Properties options{{"accept", sdbus::Variant(prompting.yes)}};
  if (prompting.confirmation_code) options.emplace("confirmation_code", sdbus::Variant(*prompting.confirmation_code));
  if (!order.event_id.empty()) {
    options.emplace("smdp_address", sdbus::Variant(order.smdp_address));
    options.emplace("event_id", sdbus::Variant(order.event_id));
  }
  add_imei(options, ctx);
  auto job = run_job(euicc.connection(), [&] { return euicc.start_download(order.activation_code, options); },
                     JobInteraction{!ctx.out.json(), &prompting});
  if (!job) return unexpected(job.error());
  auto metadata = installed_metadata(euicc, *job);
  if (!metadata) return unexpected(metadata.error());
  return report_download(ctx, *metadata, job->result.isdp_aid, job->result.notification);
}

Result<JobResult> discover(CommandContext& ctx, EuiccClient& euicc, const std::string& smds) {
  Properties options;
  if (!smds.empty()) options.emplace("smds", sdbus::Variant(smds));
  add_imei(options, ctx);
  auto job = run_job(euicc.connection(), [&] { return euicc.start_discovery(options); }, JobInteraction{});
  if (!job) return unexpected(job.error());
  return std::move(job->result);
}

}  // namespace lpad::cli::daemon
