// ES10b, the functions the LPA uses for downloads and notifications (SGP.22 sections
// 5.7.5-5.7.12). The download functions pass DER through unchanged: the SM-DP+ signs and checks
// those bytes, so the LPA never re-encodes them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/bytes.h"
#include "core/error.h"
#include "es10/isdr_channel.h"
#include "rsp/euicc_info.h"
#include "rsp/notification.h"

namespace lpad::es10 {

struct EuiccInfo1Response {
  rsp::EuiccInfo1 info;
  Bytes der;  // sent as euiccInfo1 to initiateAuthentication
};

Result<Bytes> get_euicc_challenge(IsdrChannel& channel);
Result<EuiccInfo1Response> get_euicc_info1(IsdrChannel& channel);
Result<rsp::EuiccInfo2> get_euicc_info2(IsdrChannel& channel);

Result<std::vector<rsp::NotificationMetadata>> list_notifications(IsdrChannel& channel,
                                                                  std::optional<rsp::NotificationEvent> only = std::nullopt);
// All pending notifications, or the one with `seq_number` (es10.notification-not-found if absent).
Result<std::vector<rsp::PendingNotification>> retrieve_notifications(IsdrChannel& channel,
                                                                     std::optional<std::uint64_t> seq_number = std::nullopt);
Result<void> remove_notification(IsdrChannel& channel, std::uint64_t seq_number);

// AuthenticateServer, PrepareDownload, CancelSession: request DER in, response DER out (the
// engine builds and reads them with rsp/ codecs).
Result<Bytes> authenticate_server(IsdrChannel& channel, ByteView request_der);
Result<Bytes> prepare_download(IsdrChannel& channel, ByteView request_der);
Result<Bytes> cancel_session(IsdrChannel& channel, ByteView request_der);

// LoadBoundProfilePackage: sends the BPP in the pieces of SGP.22 section 2.5.5 and returns the
// ProfileInstallationResult DER (success or error: the caller reads which). `progress` is told
// (pieces sent, pieces in all) after every piece.
using LoadProgress = std::function<void(std::size_t done, std::size_t total)>;
Result<Bytes> load_bound_profile_package(IsdrChannel& channel, ByteView bpp_der, const LoadProgress& progress = {});

// The 2.5.5 pieces of a BPP, in sending order (exposed for tests and benchmarks).
Result<std::vector<ByteView>> split_bound_profile_package(ByteView bpp_der);

}  // namespace lpad::es10
