// ES10b.LoadBoundProfilePackage (SGP.22 sections 5.7.6, 2.5.5, 3.1.3.3): the BPP arrives piece
// by piece (download/bpp_loader.h checks and unwraps it); the last piece, or the first failure, is
// answered with the signed ProfileInstallationResult, which the card also keeps as the install
// notification. Either way the download session ends there.
#include <utility>

#include "veuicc/application/download/bpp_loader.h"
#include "veuicc/application/download/download_session_data.h"
#include "veuicc/application/download/profile_installation_result.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"
#include "veuicc/application/notifications.h"

namespace lpad::veuicc::handlers {

namespace {

// Installs the profile (or only records the failure) and answers with the signed result.
Es10Response finish(CardContext& ctx, BppLoader::Step step) {
  auto& session = ctx.session.data();
  const auto& server = *session.server;
  const auto& prepared = *session.prepared;
  EuiccState next = ctx.state;
  rsp::ProfileInstallationResultData result{server.transaction_id, {}, prepared.smdp_oid, rsp::InstallSuccess{}};

  // SGP.22 section 3.1.3: the install notification goes to the SM-DP+ that ran the download.
  if (auto* loaded = std::get_if<LoadedProfile>(&step)) {
    InstalledProfile profile{std::move(loaded->metadata), next.allocate_isdp_aid(), rsp::ProfileState::disabled,
                             std::nullopt, prepared.smdp_oid, server.server_address, std::move(loaded->package)};
    result.notification = next_notification_metadata(next, rsp::NotificationEvent::install, server.server_address,
                                                     profile.metadata.iccid);
    result.final_result = rsp::InstallSuccess{profile.isdp_aid, sima_response_ok()};
    next.profiles.push_back(std::move(profile));
  } else {
    result.notification = rsp::NotificationMetadata{next.allocate_seq_number(), rsp::NotificationEvent::install,
                                                    server.server_address, session.bpp->iccid()};
    result.final_result = std::get<rsp::InstallError>(step);
  }

  auto pir = signed_profile_installation_result(ctx.identity, result);
  ctx.session.clear();
  if (!pir) return unexpected(sw::no_precise_diagnosis);
  // The eUICC keeps the result, success or failure, until the LPA has delivered it (section 5.7.6).
  next.notifications.push_back(StoredNotification{result.notification, *pir});
  if (!ctx.commit(std::move(next))) return commit_failed();
  return std::move(*pir);
}

}  // namespace

Es10Response load_bound_profile_package_piece(CardContext& ctx, ByteView piece) {
  auto& session = ctx.session.data();
  // Without AuthenticateServer and PrepareDownload there is nothing to bind the BPP to.
  if (!session.server || !session.prepared) {
    ctx.session.clear();
    return unexpected(sw::conditions_not_satisfied);
  }
  auto eid = from_hex(ctx.identity.eid);
  if (!eid) return unexpected(sw::no_precise_diagnosis);
  if (!session.bpp) session.bpp = std::make_unique<BppLoader>();

  const auto& prepared = *session.prepared;
  BppBinding binding{prepared.otsk, prepared.euicc_otpk, prepared.dppb_key, session.server->transaction_id, *eid};
  auto step = session.bpp->accept(piece, binding, ctx.state);
  if (std::holds_alternative<BppLoader::Continue>(step)) return Bytes{};
  return finish(ctx, std::move(step));
}

}  // namespace lpad::veuicc::handlers
