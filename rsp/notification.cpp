#include "rsp/notification.h"

#include <fmt/format.h>

#include "rsp/field_reader.h"
#include "rsp/tags.h"
#include "tlv/values.h"

namespace lpad::rsp {

namespace t = tags::notification;

tlv::Element encode_notification_metadata(const NotificationMetadata& m) {
  auto e = tlv::Element::constructed(tags::kNotificationMetadata,
                                     {tlv::integer(t::kSeqNumber, static_cast<std::int64_t>(m.seq_number)),
                                      tlv::bit_string(t::kOperation, NotificationEvents{m.operation}.to_bits()),
                                      tlv::utf8(t::kAddress, m.address)});
  if (m.iccid) e.add(tlv::iccid(tags::kIccid, *m.iccid));
  return e;
}

Result<NotificationMetadata> decode_notification_metadata(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kNotificationMetadata); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto seq = f.required(t::kSeqNumber, tlv::read_unsigned);
  auto operation = f.required(t::kOperation, tlv::read_bit_string);
  auto address = f.required(t::kAddress, tlv::read_utf8);
  auto iccid = f.optional(tags::kIccid, tlv::read_iccid);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  auto event = NotificationEvents::from_bits(*operation).single();
  if (!event)
    return fail_at(Errc::tlv_bad_value, node.offset(), "a notification names exactly one profile management operation");
  return NotificationMetadata{*seq, *event, std::move(*address), iccid};
}

Result<PendingNotification> decode_pending_notification(const tlv::Node& node) {
  std::optional<tlv::Node> metadata_node;
  if (node.tag() == tags::kProfileInstallationResult) {
    // ProfileInstallationResult { profileInstallationResultData BF27 { ..., notificationMetadata BF2F } }
    auto data = node.require(tags::kProfileInstallationResultData);
    if (!data) return unexpected(data.error());
    auto meta = data->require(tags::kNotificationMetadata);
    if (!meta) return unexpected(meta.error());
    metadata_node = *meta;
  } else if (node.tag() == t::kOtherSignedNotification) {
    auto meta = node.require(tags::kNotificationMetadata);
    if (!meta) return unexpected(meta.error());
    metadata_node = *meta;
  } else {
    return fail_at(Errc::tlv_unexpected_tag, node.offset(),
                   fmt::format("a pending notification is BF37 or 30, not {}", node.tag().to_string()));
  }
  auto metadata = decode_notification_metadata(*metadata_node);
  if (!metadata) return unexpected(metadata.error());
  return PendingNotification{std::move(*metadata), Bytes(node.encoded().begin(), node.encoded().end())};
}

}  // namespace lpad::rsp
