#include "lpad/config.h"

#include <glib.h>

#include <charconv>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "core/bytes.h"

namespace lpad::daemon {
namespace {

using KeyFilePtr = std::unique_ptr<GKeyFile, decltype(&g_key_file_free)>;
struct GFreeDeleter {
  void operator()(gchar* p) const { g_free(p); }
};
struct StrvDeleter {
  void operator()(gchar** p) const { g_strfreev(p); }
};
using GString_ = std::unique_ptr<gchar, GFreeDeleter>;
using GStrv_ = std::unique_ptr<gchar*, StrvDeleter>;

// The keys each fixed group allows; [device NAME] groups allow kDeviceKeys.
const std::map<std::string, std::set<std::string, std::less<>>, std::less<>> kGroups = {
    {"daemon", {"idle_exit_seconds", "job_linger_seconds", "consent_timeout_seconds", "state_directory"}},
    {"devices", {"pcsc", "pcsc_ignore", "modem_manager", "isdr_aids"}},
    {"timeouts", {"command", "apdu", "connect", "request", "notification_attempts", "notification_backoff"}},
    {"notifications", {"send_after_operations"}},
    {"tls", {"trust_store", "test_mode", "extra_ca", "resolve", "insecure_skip_verification"}},
};
const std::set<std::string, std::less<>> kDeviceKeys = {"backend", "device", "at_mode", "baud_rate", "short_apdus",
                                                        "max_block_size", "isdr_aids"};

class Reader {
 public:
  Reader(GKeyFile* file, std::string_view origin) : file_(file), origin_(origin) {}

  Error error(std::string_view group, std::string_view key, std::string_view why) const {
    return Error{Errc::invalid_argument, std::string(origin_) + ": [" + std::string(group) + "] " + std::string(key) + ": " +
                                             std::string(why)};
  }
  bool has(const char* group, const char* key) const { return g_key_file_has_key(file_, group, key, nullptr); }

  Result<std::string> string(const char* group, const char* key) const {
    GString_ value{g_key_file_get_string(file_, group, key, nullptr)};
    if (!value) return unexpected(error(group, key, "not a string"));
    return std::string(value.get());
  }
  Result<std::vector<std::string>> list(const char* group, const char* key) const {
    gsize length = 0;
    GStrv_ values{g_key_file_get_string_list(file_, group, key, &length, nullptr)};
    if (!values) return unexpected(error(group, key, "not a list"));
    std::vector<std::string> out;
    for (gsize i = 0; i < length; ++i)
      if (*values.get()[i] != '\0') out.emplace_back(values.get()[i]);
    return out;
  }
  Result<bool> boolean(const char* group, const char* key) const {
    auto text = string(group, key);
    if (!text) return unexpected(text.error());
    if (*text == "true") return true;
    if (*text == "false") return false;
    return unexpected(error(group, key, "not true or false"));
  }
  Result<unsigned long> number(const char* group, const char* key) const {
    auto text = string(group, key);
    if (!text) return unexpected(text.error());
    unsigned long value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || end != text->data() + text->size()) return unexpected(error(group, key, "not a whole number"));
    return value;
  }
  Result<std::vector<Bytes>> aids(const char* group, const char* key) const {
    auto texts = list(group, key);
    if (!texts) return unexpected(texts.error());
    std::vector<Bytes> out;
    for (const auto& text : *texts) {
      auto aid = from_hex(text);
      if (!aid || aid->size() < 5 || aid->size() > 16) return unexpected(error(group, key, "'" + text + "' is not an AID in hex"));
      out.push_back(std::move(*aid));
    }
    if (out.empty()) return unexpected(error(group, key, "no AID given"));
    return out;
  }

 private:
  GKeyFile* file_;
  std::string_view origin_;
};

// Assigns `target` from the key when it is present.
#define LPAD_READ(expr, target)                                  \
  do {                                                           \
    auto value_ = (expr);                                        \
    if (!value_) return unexpected(value_.error());              \
    target = std::move(*value_);                                 \
  } while (false)

Result<void> read_device(const Reader& in, const char* group, std::string name, Config& config) {
  StaticDevice device;
  device.name = std::move(name);
  device.transport.timeouts = config.transport_timeouts;
  if (!in.has(group, "backend") || !in.has(group, "device"))
    return unexpected(in.error(group, "backend", "a device group needs backend and device"));
  LPAD_READ(in.string(group, "backend"), device.transport.backend);
  if (device.transport.backend != "pcsc" && device.transport.backend != "at" && device.transport.backend != "qmi")
    return unexpected(in.error(group, "backend", "is not pcsc, at or qmi"));
  LPAD_READ(in.string(group, "device"), device.transport.device);
  if (in.has(group, "at_mode")) {
    std::string mode;
    LPAD_READ(in.string(group, "at_mode"), mode);
    if (mode == "auto") device.transport.at_mode = apdu::AtMode::automatic;
    else if (mode == "ccho") device.transport.at_mode = apdu::AtMode::ccho;
    else if (mode == "csim") device.transport.at_mode = apdu::AtMode::csim;
    else return unexpected(in.error(group, "at_mode", "is not auto, ccho or csim"));
  }
  if (in.has(group, "baud_rate")) {
    unsigned long baud = 0;
    LPAD_READ(in.number(group, "baud_rate"), baud);
    device.transport.baud_rate = static_cast<unsigned>(baud);
  }
  if (in.has(group, "short_apdus")) LPAD_READ(in.boolean(group, "short_apdus"), device.transport.force_short_apdus);
  if (in.has(group, "max_block_size")) {
    unsigned long size = 0;
    LPAD_READ(in.number(group, "max_block_size"), size);
    if (size < 16 || size > 65535) return unexpected(in.error(group, "max_block_size", "must be 16 to 65535"));
    device.max_block_size = size;
    device.transport.max_command_data = size;
  }
  if (in.has(group, "isdr_aids")) LPAD_READ(in.aids(group, "isdr_aids"), device.isdr_aids);
  config.devices.push_back(std::move(device));
  return {};
}

Result<void> read_fixed_groups(const Reader& in, Config& config) {
  auto seconds = [&](const char* group, const char* key, std::chrono::seconds& target) -> Result<void> {
    if (!in.has(group, key)) return {};
    unsigned long value = 0;
    LPAD_READ(in.number(group, key), value);
    target = std::chrono::seconds(value);
    return {};
  };
  auto millis_from_seconds = [&](const char* group, const char* key, std::chrono::milliseconds& target) -> Result<void> {
    std::chrono::seconds value{0};
    if (!in.has(group, key)) return {};
    if (auto read = seconds(group, key, value); !read) return read;
    if (value.count() == 0) return unexpected(in.error(group, key, "must be at least 1"));
    target = value;
    return {};
  };
  for (auto step : {seconds("daemon", "idle_exit_seconds", config.idle_exit),
                    seconds("daemon", "job_linger_seconds", config.job_linger),
                    seconds("daemon", "consent_timeout_seconds", config.consent_timeout),
                    millis_from_seconds("timeouts", "command", config.transport_timeouts.command),
                    millis_from_seconds("timeouts", "apdu", config.transport_timeouts.apdu),
                    millis_from_seconds("timeouts", "connect", config.https.connect_timeout),
                    millis_from_seconds("timeouts", "request", config.https.request_timeout),
                    seconds("timeouts", "notification_backoff", config.notification_backoff)})
    if (!step) return step;
  if (in.has("daemon", "state_directory")) LPAD_READ(in.string("daemon", "state_directory"), config.state_directory);
  if (in.has("devices", "pcsc")) LPAD_READ(in.boolean("devices", "pcsc"), config.pcsc);
  if (in.has("devices", "pcsc_ignore")) LPAD_READ(in.list("devices", "pcsc_ignore"), config.pcsc_ignore);
  if (in.has("devices", "modem_manager")) {
    std::string mode;
    LPAD_READ(in.string("devices", "modem_manager"), mode);
    if (mode != "auto" && mode != "no") return unexpected(in.error("devices", "modem_manager", "is not auto or no"));
    config.modem_manager = mode == "auto";
  }
  if (in.has("devices", "isdr_aids")) LPAD_READ(in.aids("devices", "isdr_aids"), config.isdr_aids);
  if (in.has("timeouts", "notification_attempts")) {
    unsigned long attempts = 0;
    LPAD_READ(in.number("timeouts", "notification_attempts"), attempts);
    if (attempts < 1 || attempts > 10) return unexpected(in.error("timeouts", "notification_attempts", "must be 1 to 10"));
    config.notification_attempts = static_cast<unsigned>(attempts);
  }
  if (in.has("notifications", "send_after_operations"))
    LPAD_READ(in.boolean("notifications", "send_after_operations"), config.send_after_operations);
  if (in.has("tls", "trust_store")) LPAD_READ(in.string("tls", "trust_store"), config.https.trust_store_dir);
  if (in.has("tls", "test_mode")) LPAD_READ(in.boolean("tls", "test_mode"), config.https.test_mode);
  if (in.has("tls", "extra_ca")) {
    std::vector<std::string> files;
    LPAD_READ(in.list("tls", "extra_ca"), files);
    for (auto& file : files) config.https.extra_trust_anchors.emplace_back(file);
  }
  if (in.has("tls", "resolve")) LPAD_READ(in.list("tls", "resolve"), config.https.resolve);
  if (in.has("tls", "insecure_skip_verification"))
    LPAD_READ(in.boolean("tls", "insecure_skip_verification"), config.https.insecure_skip_tls_verification);
  return {};
}

}  // namespace

es10::ChannelOptions Config::channel_options(const StaticDevice* device) const {
  es10::ChannelOptions options;
  options.isdr_aids = device && !device->isdr_aids.empty() ? device->isdr_aids : isdr_aids;
  options.max_block_size = device ? device->max_block_size : 0;
  return options;
}

engine::RetryPolicy Config::notification_retry() const {
  engine::RetryPolicy retry;
  retry.attempts = notification_attempts;
  retry.first_backoff = notification_backoff;
  return retry;
}

Result<Config> parse_config(std::string_view text, std::string_view origin) {
  KeyFilePtr file{g_key_file_new(), &g_key_file_free};
  GError* raw_error = nullptr;
  if (!g_key_file_load_from_data(file.get(), text.data(), text.size(), G_KEY_FILE_NONE, &raw_error)) {
    std::string why = raw_error ? raw_error->message : "unreadable";
    g_clear_error(&raw_error);
    return fail(Errc::invalid_argument, std::string(origin) + ": " + why);
  }
  Reader in(file.get(), origin);
  Config config;
  // The time limits first: device groups copy them.
  gsize group_count = 0;
  GStrv_ groups{g_key_file_get_groups(file.get(), &group_count)};
  for (gsize i = 0; i < group_count; ++i) {
    std::string_view group = groups.get()[i];
    const std::set<std::string, std::less<>>* allowed = nullptr;
    if (auto fixed = kGroups.find(group); fixed != kGroups.end()) allowed = &fixed->second;
    else if (group.starts_with("device ") && group.size() > 7) allowed = &kDeviceKeys;
    else return unexpected(in.error(group, "", "unknown group"));
    gsize key_count = 0;
    GStrv_ keys{g_key_file_get_keys(file.get(), groups.get()[i], &key_count, nullptr)};
    for (gsize k = 0; k < key_count; ++k)
      if (!allowed->contains(std::string_view(keys.get()[k]))) return unexpected(in.error(group, keys.get()[k], "unknown key"));
  }
  if (auto fixed = read_fixed_groups(in, config); !fixed) return unexpected(fixed.error());
  for (gsize i = 0; i < group_count; ++i) {
    std::string_view group = groups.get()[i];
    if (!group.starts_with("device ")) continue;
    if (auto device = read_device(in, groups.get()[i], std::string(group.substr(7)), config); !device)
      return unexpected(device.error());
  }
  if (!config.https.extra_trust_anchors.empty()) config.https.test_mode = true;
  return config;
}

Result<Config> load_config(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Config{};
  std::ifstream in(path);
  if (!in) return fail(Errc::io_error, path.string() + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path.string());
}

}  // namespace lpad::daemon
