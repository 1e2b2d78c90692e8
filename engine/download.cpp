#include "engine/download.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "crypto/sha256.h"
#include "engine/bound_package_check.h"
#include "engine/card_refusals.h"
#include "engine/mutual_authentication.h"
#include "engine/session_cancellation.h"
#include "es10/es10b.h"
#include "rsp/prepare_download.h"
#include "rsp/profile_installation_result.h"
#include "rsp/tags.h"

namespace lpad::engine {

namespace {

using Reason = rsp::CancelSessionReason;

bool same_transaction_id(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

// A server that answered Failed has closed its session (SGP.22 section 6.5.1.2); after transport
// trouble it may still hold one, so it is told.
bool server_ended_session(const Error& error) {
  return error.code >= Errc::server_function_failed && error.code <= Errc::server_unsupported;
}

Reason reason_for_failure(const Error& error) { return error.code == Errc::https_timeout ? Reason::timeout : Reason::undefined_reason; }

// hashCC = SHA-256(SHA-256(confirmation code) | transactionId), SGP.22 section 3.1.3.
Result<Bytes> hash_confirmation_code(std::string_view code, ByteView transaction_id) {
  auto inner = crypto::sha256(ByteView(reinterpret_cast<const std::uint8_t*>(code.data()), code.size()));
  if (!inner) return unexpected(inner.error());
  inner->insert(inner->end(), transaction_id.begin(), transaction_id.end());
  return crypto::sha256(*inner);
}

class DownloadRun {
 public:
  DownloadRun(es10::IsdrChannel& channel, RspServers& servers, const DownloadRequest& request,
              const DownloadCallbacks& callbacks, const RetryPolicy& retry)
      : channel_(channel), servers_(servers), request_(request), callbacks_(callbacks), retry_(retry),
        smdp_(servers.smdp(request.smdp_address)) {}

  Result<DownloadResult> run();

 private:
  void report(std::string_view stage, int percent) {
    percent_ = std::max(percent_, percent);
    if (callbacks_.progress) callbacks_.progress({stage, percent_});
  }

  // Cancels both sessions (or only the card's when the server has ended its own) and returns
  // `error` with a note on the outcome.
  unexpected<Error> cancel(Error error, Reason reason, bool tell_server) {
    report(stage::kCancelling, percent_);
    auto outcome = cancel_download_session(channel_, tell_server ? smdp_.get() : nullptr, session_, reason);
    return unexpected(with_cancellation_note(std::move(error), outcome));
  }
  unexpected<Error> cancel_after(Error error) {
    bool tell_server = !server_ended_session(error);
    Reason reason = reason_for_failure(error);
    return cancel(std::move(error), reason, tell_server);
  }

  // A stop the caller asked for, as the cancellation it causes; nullopt: go on.
  std::optional<unexpected<Error>> stop_point() {
    if (!callbacks_.stop_requested) return std::nullopt;
    auto stop = callbacks_.stop_requested();
    if (!stop) return std::nullopt;
    return cancel(Error{stop->code, stop->message}, stop->reason, true);
  }
  // The point of no return: nullopt once the caller committed, or the stop it had first.
  std::optional<unexpected<Error>> commit() {
    if (!callbacks_.point_of_no_return) return std::nullopt;
    auto stop = callbacks_.point_of_no_return();
    if (!stop) return std::nullopt;
    return cancel(Error{stop->code, stop->message}, stop->reason, true);
  }
  // A refused question: the caller's stop reason if it has one, else `refusal`.
  unexpected<Error> declined(Error refusal, Reason reason) {
    if (auto stopped = stop_point()) return std::move(*stopped);
    return cancel(std::move(refusal), reason, true);
  }

  Result<Bytes> prepare_download(const es9p::AuthenticateClientOk& offer, bool cc_required);

  es10::IsdrChannel& channel_;
  RspServers& servers_;
  const DownloadRequest& request_;
  const DownloadCallbacks& callbacks_;
  const RetryPolicy& retry_;
  std::unique_ptr<es9p::Es9p> smdp_;
  DownloadSessionRef session_;
  int percent_ = 0;
};

Result<DownloadResult> DownloadRun::run() {
  report(stage::kAuthenticating, 0);
  auto device_info = make_device_info(request_.device);
  if (!device_info) return unexpected(device_info.error());
  rsp::CtxParams1 ctx{request_.matching_id, std::move(*device_info)};
  auto initiate = [this](ByteView challenge, ByteView info1) { return smdp_->initiate_authentication(challenge, info1); };
  auto auth = authenticate_with_server(channel_, initiate, request_.smdp_address, ctx);
  if (!auth) return unexpected(auth.error());
  session_ = {auth->transaction_id, auth->transaction_id_bytes};
  if (callbacks_.session_opened) callbacks_.session_opened(session_.transaction_id);
  report(stage::kAuthenticating, 10);

  // authenticateClient carries the eUICC's answer even when it refused the server, so that the
  // SM-DP+ ends its session too.
  auto offer = smdp_->authenticate_client(session_.transaction_id, auth->authenticate_server_response);
  if (auth->card_error) return fail(Errc::engine_card_refused, describe(*auth->card_error));
  if (!offer) return cancel_after(offer.error());
  report(stage::kAuthenticating, 20);
  if (!same_transaction_id(offer->transaction_id, session_.transaction_id))
    return cancel(Error{Errc::engine_server_inconsistent, "the SM-DP+ answered authenticateClient for another session"},
                  Reason::undefined_reason, true);

  auto metadata_node = tlv::decode(offer->profile_metadata, rsp::tags::kStoreMetadata);
  auto metadata = metadata_node ? rsp::decode_profile_metadata(*metadata_node) : unexpected(metadata_node.error());
  if (!metadata)
    return cancel(Error{Errc::server_bad_response, "the SM-DP+'s profile metadata is malformed: " + metadata.error().message},
                  Reason::undefined_reason, true);
  auto signed2_node = tlv::decode(offer->smdp_signed2);
  auto signed2 = signed2_node ? rsp::decode_smdp_signed2(*signed2_node) : unexpected(signed2_node.error());
  if (!signed2)
    return cancel(Error{Errc::server_bad_response, "the SM-DP+'s smdpSigned2 is malformed: " + signed2.error().message},
                  Reason::undefined_reason, true);
  if (signed2->transaction_id != session_.transaction_id_bytes)
    return cancel(Error{Errc::engine_server_inconsistent, "the SM-DP+ signed the download for another session"},
                  Reason::undefined_reason, true);

  if (auto stopped = stop_point()) return std::move(*stopped);
  report(stage::kConfirming, 20);
  if (callbacks_.consent && !callbacks_.consent(ProfileOffer{*metadata, signed2->cc_required}))
    return declined(Error{Errc::engine_rejected_by_user, "the download was declined"}, Reason::end_user_rejection);
  if (auto stopped = stop_point()) return std::move(*stopped);

  auto prepared = prepare_download(*offer, signed2->cc_required);
  if (!prepared) return unexpected(prepared.error());

  report(stage::kDownloading, 30);
  auto bpp = smdp_->get_bound_profile_package(session_.transaction_id, *prepared);
  if (!bpp) return cancel_after(bpp.error());
  auto check = check_bound_profile_package(*bpp, session_.transaction_id_bytes, offer->profile_metadata);
  if (!check) return cancel(check.error(), Reason::undefined_reason, true);
  if (check->mismatch == PackageMismatch::transaction_id)
    return cancel(Error{Errc::engine_server_inconsistent, "the profile package belongs to another session"}, Reason::undefined_reason, true);
  if (check->mismatch == PackageMismatch::metadata)
    return cancel(Error{Errc::engine_server_inconsistent, "the profile package carries other metadata than the profile agreed to"},
                  Reason::metadata_mismatch, true);
  if (auto stopped = stop_point()) return std::move(*stopped);

  if (auto stopped = commit()) return std::move(*stopped);
  report(stage::kInstalling, 40);
  auto on_piece = [this](std::size_t done, std::size_t total) {
    report(stage::kInstalling, 40 + static_cast<int>(55 * done / std::max<std::size_t>(total, 1)));
  };
  auto result_der = es10::load_bound_profile_package(channel_, *bpp, on_piece);
  if (!result_der) return cancel(result_der.error(), Reason::load_bpp_execution_error, true);
  auto result_node = tlv::decode(*result_der);
  auto result = result_node ? rsp::decode_profile_installation_result(*result_node) : unexpected(result_node.error());
  if (!result) return fail(Errc::es10_bad_response, "the eUICC's ProfileInstallationResult is malformed: " + result.error().message);

  // The result, success or not, is the install notification: the SM-DP+ closes its session on it.
  report(stage::kNotifying, 95);
  auto delivery = deliver_notification(channel_, servers_, rsp::PendingNotification{result->data.notification, *result_der}, retry_);
  if (auto* error = std::get_if<rsp::InstallError>(&result->data.final_result)) {
    Error failed{Errc::engine_install_failed, describe(*error)};
    if (delivery.error) failed.message += "; " + delivery.error->message;
    return unexpected(failed);
  }
  report(stage::kDone, 100);
  auto& success = std::get<rsp::InstallSuccess>(result->data.final_result);
  return DownloadResult{std::move(*metadata), success.aid, std::move(delivery)};
}

// PrepareDownload with the confirmation code when one is needed; returns the eUICC's answer for
// getBoundProfilePackage. Failures here have already cancelled the sessions.
Result<Bytes> DownloadRun::prepare_download(const es9p::AuthenticateClientOk& offer, bool cc_required) {
  std::optional<Bytes> hash_cc;
  if (cc_required) {
    std::optional<std::string> code = request_.confirmation_code;
    if (!code && callbacks_.confirmation_code) code = callbacks_.confirmation_code();
    if (!code || code->empty())
      return declined(Error{Errc::engine_confirmation_code_needed,
                            "the SM-DP+ requires a confirmation code (from the operator) and none was given"},
                      Reason::postponed);
    auto hashed = hash_confirmation_code(*code, session_.transaction_id_bytes);
    if (!hashed) return cancel(hashed.error(), Reason::undefined_reason, true);
    hash_cc = std::move(*hashed);
  }
  if (auto stopped = stop_point()) return std::move(*stopped);
  report(stage::kPreparing, 25);
  auto signature2 = value_of_tlv(offer.smdp_signature2, 0x5F37, "smdpSignature2");
  if (!signature2) return cancel(signature2.error(), Reason::undefined_reason, true);
  rsp::PrepareDownloadRequest request{offer.smdp_signed2, std::move(*signature2), std::move(hash_cc), offer.smdp_certificate};
  auto answer = es10::prepare_download(channel_, rsp::encode_prepare_download_request(request).encode());
  if (!answer) return cancel(answer.error(), Reason::undefined_reason, true);
  auto decoded = rsp::decode_prepare_download_response(*tlv::decode(*answer));
  if (!decoded) return cancel(Error{Errc::es10_bad_response, "the eUICC's PrepareDownload answer is malformed: " + decoded.error().message},
                              Reason::undefined_reason, true);
  if (auto* refused = std::get_if<rsp::PrepareDownloadResponseError>(&*decoded)) {
    // The SM-DP+ learns of the refusal from getBoundProfilePackage and ends its session.
    (void)smdp_->get_bound_profile_package(session_.transaction_id, *answer);
    return fail(Errc::engine_card_refused, describe(refused->code));
  }
  return answer;
}

}  // namespace

Result<DownloadResult> download_profile(es10::IsdrChannel& channel, RspServers& servers, const DownloadRequest& request,
                                        const DownloadCallbacks& callbacks, const RetryPolicy& retry) {
  return DownloadRun(channel, servers, request, callbacks, retry).run();
}

}  // namespace lpad::engine
