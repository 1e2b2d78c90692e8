#include "lpac-cli/command_context.h"

#include <fmt/format.h>

#include <map>

#include "lpac-cli/terminal_prompts.h"

namespace lpad::cli {

void DeviceOptions::add_options(CLI::App& app) {
  auto* group = app.add_option_group("Card access");
  group->add_flag("--direct", direct, "Talk to the eUICC directly instead of through the lpad daemon");
  euicc_option_ = group->add_option("--euicc", euicc, "Which of lpad's eUICCs: its EID or its index in `lpa euiccs` (default: the only one)");
  group->add_flag("--no-ask-password", no_ask_password,
                  "Never let polkit ask for a password (it may ask through your session's polkit agent when lpa runs on a terminal)");
  card_options_.push_back(group->add_option("--backend", transport.backend, "With --direct: how to reach the eUICC: pcsc, at or qmi")
                              ->check(CLI::IsMember({"pcsc", "at", "qmi"}))
                              ->capture_default_str());
  card_options_.push_back(group->add_option("--device", transport.device,
                    "With --direct: pcsc: reader name, part of it or index; at: serial port (/dev/ttyUSB2); qmi: /dev/cdc-wdm0"));
  static const std::map<std::string, apdu::AtMode> kModes{
      {"auto", apdu::AtMode::automatic}, {"ccho", apdu::AtMode::ccho}, {"csim", apdu::AtMode::csim}};
  card_options_.push_back(
      group->add_option("--at-mode", transport.at_mode, "at: logical channels by the modem (ccho), raw APDUs (csim), or auto")
          ->transform(CLI::CheckedTransformer(kModes, CLI::ignore_case)));
  card_options_.push_back(group->add_option("--isdr-aid", isdr_aids, "ISD-R AID to try (hex, repeatable); the SGP.22 one by default"));
  card_options_.push_back(group->add_option("--max-block-size", max_block_size, "Largest STORE DATA block, for readers that need small APDUs")
                              ->check(CLI::Range(16, 65535)));
  card_options_.push_back(group->add_flag("--short-apdus", transport.force_short_apdus, "Never use extended-length APDUs"));
}

bool DeviceOptions::ask_password() const { return !direct && !no_ask_password && stdin_is_terminal(); }

Result<void> DeviceOptions::check_mode() const {
  if (direct) {
    if (euicc_option_ && euicc_option_->count() > 0)
      return fail(Errc::invalid_argument, "--euicc chooses among lpad's eUICCs; with --direct, --backend and --device name the card");
    return {};
  }
  for (const auto* option : card_options_)
    if (option->count() > 0)
      return fail(Errc::invalid_argument,
                  fmt::format("{} is for --direct: without it lpad reaches the cards (choose one with --euicc; see `lpa euiccs`)",
                              option->get_name()));
  return {};
}

Result<void> CommandContext::check_mode() const {
  if (auto device_mode = device.check_mode(); !device_mode) return device_mode;
  return servers.check_mode(device.direct);
}

Result<es10::ChannelOptions> DeviceOptions::channel_options() const {
  es10::ChannelOptions options;
  options.max_block_size = max_block_size;
  if (!isdr_aids.empty()) {
    options.isdr_aids.clear();
    for (const auto& text : isdr_aids) {
      auto aid = from_hex(text);
      if (!aid || aid->size() < 5 || aid->size() > 16)
        return fail(Errc::invalid_argument, fmt::format("--isdr-aid {}: an AID is 5 to 16 bytes of hex", text));
      options.isdr_aids.push_back(*aid);
    }
  }
  return options;
}

}  // namespace lpad::cli
