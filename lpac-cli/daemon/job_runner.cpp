#include "lpac-cli/daemon/job_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "dbus_api/job_proxy.h"
#include "lpac-cli/daemon/job_events.h"
#include "lpac-cli/progress_bar.h"
#include "lpac-cli/terminal_prompts.h"

namespace lpad::cli::daemon {

namespace {

class JobProxy final : public sdbus::ProxyInterfaces<org::lpad::Lpad1::Job_proxy, sdbus::Properties_proxy> {
 public:
  JobProxy(sdbus::IConnection& bus, const std::string& path, JobEvents& events)
      : ProxyInterfaces(bus, kBusName, path), events_(events) {
    registerProxy();
  }
  ~JobProxy() { unregisterProxy(); }
  JobProxy(const JobProxy&) = delete;
  JobProxy& operator=(const JobProxy&) = delete;

 private:
  // On the bus thread: convert there (sdbus::Variant stays on its thread), hand over the result.
  void onProgress(const std::string& stage, const uint32_t& percent) override {
    JobUpdate update;
    update.stage = stage;
    update.percent = percent;
    events_.post(std::move(update));
  }
  void onPropertiesChanged(const std::string& interface, const Properties& changed, const std::vector<std::string>&) override {
    if (interface == kJobInterface) events_.post(job_update_from_properties(changed));
  }

  JobEvents& events_;
};

struct JobSnapshot {
  std::string state = "running";
  std::string stage;
  std::uint32_t percent = 0;
  std::optional<ProfileOffer> offer;
  std::optional<Error> error;
  std::optional<JobResult> result;

  void apply(JobUpdate update) {
    if (update.state) state = std::move(*update.state);
    if (update.stage) stage = std::move(*update.stage);
    if (update.percent) percent = std::max(percent, *update.percent);
    if (update.offer) offer = std::move(update.offer);
    if (update.error) error = std::move(update.error);
    if (update.result) result = std::move(update.result);
  }
  bool final() const { return state == "succeeded" || state == "failed" || state == "cancelled"; }
};

// lpad's name losing its owner: the daemon crashed or stopped, and the job is gone with it.
sdbus::Slot watch_daemon(sdbus::IConnection& bus, JobEvents& events) {
  auto rule = fmt::format("type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',"
                          "member='NameOwnerChanged',arg0='{}'", kBusName);
  return bus.addMatch(rule, [&events](sdbus::Message& message) {
    std::string name, old_owner, new_owner;
    message >> name >> old_owner >> new_owner;
    if (new_owner.empty()) events.post(DaemonLeft{});
  });
}

// Consent from --yes or the terminal; no way to ask (no terminal, nothing to show) is a refusal.
bool answer_consent(const JobSnapshot& job, const DownloadPrompting* prompting) {
  if (!prompting || !job.offer) return false;
  if (prompting->yes) return true;
  if (!stdin_is_terminal()) return false;
  JobEvents::PromptWindow window;
  return ask_consent(job.offer->metadata);
}

std::optional<std::string> answer_code(const DownloadPrompting* prompting) {
  if (!prompting) return std::nullopt;
  if (prompting->confirmation_code) return prompting->confirmation_code;
  if (!stdin_is_terminal()) return std::nullopt;
  JobEvents::PromptWindow window;
  return ask_confirmation_code();
}

Result<void> answer(JobProxy& job, JobSnapshot& snapshot, const DownloadPrompting* prompting) {
  Result<void> sent;
  if (snapshot.state == "waiting-for-consent") {
    // Should the metadata come in a later signal than the state, ask for it rather than reject.
    if (!snapshot.offer) {
      auto metadata = dbus_call([&] { return job.ProfileMetadata(); });
      if (!metadata) return unexpected(metadata.error());
      snapshot.offer = offer_from_dict(*metadata);
    }
    bool yes = answer_consent(snapshot, prompting);
    sent = dbus_call([&] { yes ? job.Accept() : job.Reject(); });
  } else {
    auto code = answer_code(prompting);
    sent = dbus_call([&] { code ? job.ProvideConfirmationCode(*code) : job.Reject(); });
  }
  // The job may have moved on meanwhile (timed out, cancelled): its final state says why.
  if (!sent && sent.error().code == Errc::job_wrong_state) return {};
  return sent;
}

}  // namespace

Result<FinishedJob> run_job(DaemonConnection& connection, const std::function<Result<std::string>()>& start,
                            const JobInteraction& interaction) {
  auto events = JobEvents::create();
  if (!events) return unexpected(events.error());
  auto& queue = **events;
  auto daemon_watch = dbus_call([&] { return watch_daemon(connection.bus(), queue); });
  if (!daemon_watch) return unexpected(daemon_watch.error());

  auto path = start();
  if (!path) return unexpected(path.error());
  // Subscribed from here on; the one read below covers whatever happened before.
  JobProxy job(connection.bus(), *path, queue);
  auto properties = dbus_call([&] { return job.GetAll(kJobInterface); });
  if (!properties) return unexpected(properties.error());
  JobSnapshot snapshot;
  snapshot.apply(job_update_from_properties(*properties));

  ProgressBar bar(interaction.progress_bar);
  std::string answered;  // the waiting state already answered
  std::string drawn;     // stage and percent last drawn: Progress and PropertiesChanged both report a step
  bool cancelling = false;
  while (!snapshot.final()) {
    bool waiting = snapshot.state == "waiting-for-consent" || snapshot.state == "waiting-for-confirmation-code";
    if (!waiting) {
      answered.clear();
      if (auto step = fmt::format("{} {}", snapshot.stage, snapshot.percent); step != drawn) {
        drawn = step;
        bar.update({snapshot.stage, static_cast<int>(snapshot.percent)});
      }
    } else if (answered != snapshot.state) {
      drawn.clear();
      bar.pause();
      answered = snapshot.state;
      if (auto sent = answer(job, snapshot, interaction.prompting); !sent) return unexpected(sent.error());
    }
    auto event = queue.wait();
    if (auto* update = std::get_if<JobUpdate>(&event)) {
      snapshot.apply(std::move(*update));
    } else if (std::holds_alternative<DaemonLeft>(event)) {
      bar.pause();
      return fail(Errc::io_error, "lpad left the system bus during the job, which is lost with it; once lpad is back, "
                                  "`lpa list` shows whether a profile was installed");
    } else if (!cancelling) {
      cancelling = true;
      bar.pause();
      auto cancelled = dbus_call([&] { job.Cancel(); });
      if (!cancelled && cancelled.error().code == Errc::job_wrong_state) {
        fmt::print(stderr, "lpa: the job can no longer be cancelled (the profile is being installed); "
                           "press Ctrl-C again to stop waiting\n");
      } else if (!cancelled) {
        return unexpected(cancelled.error());
      }
    } else {
      return fail(Errc::job_cancelled, "interrupted; lpad finishes the job on its own");
    }
  }
  bar.pause();
  if (snapshot.state == "succeeded")
    return FinishedJob{snapshot.result.value_or(JobResult{}), std::move(snapshot.offer)};
  if (snapshot.error) return unexpected(std::move(*snapshot.error));
  return fail(snapshot.state == "cancelled" ? Errc::job_cancelled : Errc::io_error, fmt::format("the job {} without saying why", snapshot.state));
}

}  // namespace lpad::cli::daemon
