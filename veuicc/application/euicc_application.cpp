#include "veuicc/application/euicc_application.h"

#include <array>
#include <utility>

#include "rsp/tags.h"
#include "veuicc/application/handlers.h"
#include "veuicc/card/status_word.h"

namespace lpad::veuicc {

namespace {

namespace t = rsp::tags;

constexpr std::array<std::pair<tlv::Tag, handlers::Handler>, 19> kHandlers{{
    {t::kEuiccConfiguredAddresses, handlers::get_configured_addresses},
    {t::kSetDefaultDpAddress, handlers::set_default_dp_address},
    {t::kEuiccChallenge, handlers::get_euicc_challenge},
    {t::kEuiccInfo1, handlers::get_euicc_info1},
    {t::kEuiccInfo2, handlers::get_euicc_info2},
    {t::kAuthenticateServer, handlers::authenticate_server},
    {t::kPrepareDownload, handlers::prepare_download},
    {t::kCancelSession, handlers::cancel_session},
    {t::kListNotification, handlers::list_notification},
    {t::kRetrieveNotificationsList, handlers::retrieve_notifications_list},
    {t::kNotificationSent, handlers::remove_notification_from_list},
    {t::kGetRat, handlers::get_rat},
    {t::kProfileInfoList, handlers::get_profiles_info},
    {t::kEnableProfile, handlers::enable_profile},
    {t::kDisableProfile, handlers::disable_profile},
    {t::kDeleteProfile, handlers::delete_profile},
    {t::kEuiccMemoryReset, handlers::euicc_memory_reset},
    {t::kGetEuiccData, handlers::get_eid},
    {t::kSetNickname, handlers::set_nickname},
}};

bool starts_with_tag(ByteView command, tlv::Tag tag) {
  return command.size() >= 2 && command[0] == (tag.wire() >> 8) && command[1] == (tag.wire() & 0xFF);
}

}  // namespace

EuiccApplication::EuiccApplication(Identity identity, StateFile state_file, EuiccState state)
    : identity_(std::move(identity)), state_file_(std::move(state_file)), state_(std::move(state)) {}

Es10Response EuiccApplication::process(ByteView command, const Es10Context&) {
  auto ctx = context();
  // A BPP arrives in pieces that are not whole TLVs (SGP.22 section 2.5.5); once its BF36 header
  // has come, every command until the ProfileInstallationResult belongs to it.
  if (loading_bpp_ || starts_with_tag(command, t::kBoundProfilePackage)) {
    loading_bpp_ = true;
    auto response = handlers::load_bound_profile_package_piece(ctx, command);
    // A non-empty answer is the ProfileInstallationResult (or a refusal): the BPP is over.
    if (!response || !response->empty()) loading_bpp_ = false;
    return response;
  }
  auto request = tlv::decode(command);
  if (!request) return unexpected(sw::incorrect_data);
  for (const auto& [tag, handler] : kHandlers)
    if (request->tag() == tag) return handler(ctx, *request);
  return unexpected(sw::referenced_data_not_found);
}

void EuiccApplication::on_card_reset() {
  session_.clear();
  loading_bpp_ = false;
}

}  // namespace lpad::veuicc
