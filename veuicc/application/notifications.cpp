#include "veuicc/application/notifications.h"

#include <utility>

#include "crypto/ecdsa.h"
#include "rsp/tags.h"
#include "tlv/builder.h"

namespace lpad::veuicc {

rsp::NotificationMetadata next_notification_metadata(EuiccState& state, rsp::NotificationEvent event,
                                                     std::string address, const Iccid& iccid) {
  return rsp::NotificationMetadata{state.allocate_seq_number(), event, std::move(address), iccid};
}

Result<StoredNotification> make_other_signed_notification(const Identity& identity,
                                                          const rsp::NotificationMetadata& metadata) {
  auto tbs = rsp::encode_notification_metadata(metadata).encode();
  // SGP.22 5.7.9: the signature covers tbsOtherNotification as encoded, tag BF2F included.
  auto signature = crypto::ecdsa_sign(identity.euicc_key, tbs);
  if (!signature) return unexpected(signature.error());
  auto der = tlv::Element::constructed(rsp::tags::notification::kOtherSignedNotification,
                                       {tlv::Element::preencoded(tbs), tlv::octets(rsp::tags::kSignature, *signature),
                                        tlv::Element::preencoded(identity.euicc.der()),
                                        tlv::Element::preencoded(identity.eum.der())})
                 .encode();
  return StoredNotification{metadata, std::move(der)};
}

Result<void> add_profile_notifications(EuiccState& state, const Identity& identity, rsp::NotificationEvent event,
                                       const InstalledProfile& profile) {
  for (const auto& configuration : profile.metadata.notification_configuration) {
    if (!configuration.operations.contains(event)) continue;
    auto metadata = next_notification_metadata(state, event, configuration.address, profile.metadata.iccid);
    auto notification = make_other_signed_notification(identity, metadata);
    if (!notification) return unexpected(notification.error());
    state.notifications.push_back(std::move(*notification));
  }
  return {};
}

}  // namespace lpad::veuicc
