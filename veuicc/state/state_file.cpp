#include "veuicc/state/state_file.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "rsp/tags.h"

namespace lpad::veuicc {

namespace {

using nlohmann::json;

// Bumped whenever the layout changes incompatibly; an unknown format is refused, never guessed.
constexpr int kFormat = 1;

unexpected<Error> corrupt(const std::filesystem::path& path, std::string_view what) {
  return fail(Errc::veuicc_state_corrupt, fmt::format("the state file '{}' is damaged: {}", path.string(), what));
}

json version_json(const rsp::Version& v) { return to_hex(v.to_bytes()); }

rsp::Version version_from(const json& j) {
  auto bytes = from_hex(j.get<std::string>());
  if (!bytes || bytes->size() != 3) throw std::invalid_argument("version must be 3 bytes of hex");
  return {(*bytes)[0], (*bytes)[1], (*bytes)[2]};
}

Bytes bytes_from(const json& j) {
  auto bytes = from_hex(j.get<std::string>());
  if (!bytes) throw std::invalid_argument(bytes.error().message);
  return *bytes;
}

json optional_string(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
std::optional<std::string> optional_string_from(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<std::string>();
}

json to_json(const EuiccState& s) {
  json profiles = json::array();
  for (const auto& p : s.profiles) {
    profiles.push_back({{"metadata", to_hex(rsp::encode_profile_metadata(p.metadata).encode())},
                        {"isdp_aid", to_hex(p.isdp_aid)},
                        {"state", std::string(rsp::to_string(p.state))},
                        {"nickname", optional_string(p.nickname)},
                        {"smdp_oid", p.smdp_oid},
                        {"smdp_address", p.smdp_address},
                        {"package", to_hex(p.package)}});
  }
  json notifications = json::array();
  for (const auto& n : s.notifications) {
    notifications.push_back({{"metadata", to_hex(rsp::encode_notification_metadata(n.metadata).encode())},
                             {"pending_notification", to_hex(n.pending_notification)}});
  }
  const auto& c = s.configuration;
  return {{"format", kFormat},
          {"configuration",
           {{"svn", version_json(c.svn)},
            {"firmware_version", version_json(c.firmware_version)},
            {"profile_version", version_json(c.profile_version)},
            {"total_nvm", c.total_nvm},
            {"free_ram", c.free_ram},
            {"max_profiles", c.max_profiles}}},
          {"profiles", profiles},
          {"notifications", notifications},
          {"next_seq_number", s.next_seq_number},
          {"next_isdp_number", s.next_isdp_number},
          {"default_dp_address", optional_string(s.default_dp_address)},
          {"root_ds_address", s.root_ds_address}};
}

template <class T>
T decoded(Result<T> r) {
  if (!r) throw std::invalid_argument(r.error().describe());
  return std::move(*r);
}

EuiccState from_json(const json& j) {
  if (j.at("format").get<int>() != kFormat)
    throw std::invalid_argument(fmt::format("format {} is not the supported {}", j.at("format").get<int>(), kFormat));
  EuiccState s;
  const auto& c = j.at("configuration");
  s.configuration.svn = version_from(c.at("svn"));
  s.configuration.firmware_version = version_from(c.at("firmware_version"));
  s.configuration.profile_version = version_from(c.at("profile_version"));
  s.configuration.total_nvm = c.at("total_nvm").get<std::uint64_t>();
  s.configuration.free_ram = c.at("free_ram").get<std::uint64_t>();
  s.configuration.max_profiles = c.at("max_profiles").get<std::size_t>();
  for (const auto& p : j.at("profiles")) {
    auto metadata_der = bytes_from(p.at("metadata"));
    InstalledProfile profile{decoded(rsp::decode_profile_metadata(decoded(tlv::decode(metadata_der)))),
                             bytes_from(p.at("isdp_aid")),
                             p.at("state").get<std::string>() == "enabled" ? rsp::ProfileState::enabled : rsp::ProfileState::disabled,
                             optional_string_from(p.at("nickname")),
                             p.at("smdp_oid").get<std::string>(),
                             p.at("smdp_address").get<std::string>(),
                             bytes_from(p.at("package"))};
    s.profiles.push_back(std::move(profile));
  }
  for (const auto& n : j.at("notifications")) {
    auto metadata_der = bytes_from(n.at("metadata"));
    s.notifications.push_back({decoded(rsp::decode_notification_metadata(decoded(tlv::decode(metadata_der)))),
                               bytes_from(n.at("pending_notification"))});
  }
  s.next_seq_number = j.at("next_seq_number").get<std::uint64_t>();
  s.next_isdp_number = j.at("next_isdp_number").get<std::uint32_t>();
  s.default_dp_address = optional_string_from(j.at("default_dp_address"));
  s.root_ds_address = j.at("root_ds_address").get<std::string>();
  return s;
}

}  // namespace

Result<EuiccState> StateFile::load() const {
  auto content = read_whole_file(path_);
  if (!content) return unexpected(content.error());
  try {
    return from_json(json::parse(content->begin(), content->end()));
  } catch (const std::exception& e) {
    return corrupt(path_, e.what());
  }
}

Result<EuiccState> StateFile::load_or_create(const CardConfiguration& defaults) const {
  if (exists()) return load();
  EuiccState fresh;
  fresh.configuration = defaults;
  if (auto saved = save(fresh); !saved) return unexpected(saved.error());
  return fresh;
}

Result<void> StateFile::save(const EuiccState& state) const {
  auto text = to_json(state).dump(1);
  return write_file_atomically(path_, as_bytes(text));
}

}  // namespace lpad::veuicc
