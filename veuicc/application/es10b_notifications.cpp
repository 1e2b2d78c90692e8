// ES10b: the pending notifications the LPA forwards to SM-DP+ servers (SGP.22 sections 5.7.9
// ListNotification, 5.7.10 RetrieveNotificationsList, 5.7.11 RemoveNotificationFromList).
#include <algorithm>
#include <optional>

#include "rsp/notification.h"
#include "rsp/tags.h"
#include "tlv/values.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

namespace {

namespace t = rsp::tags;
namespace tn = rsp::tags::notification;

enum NotificationsListError : std::int64_t { kNoResultAvailable = 1 };
enum DeleteNotificationStatus : std::int64_t { kOk = 0, kNothingToDelete = 1 };

// What a request selects: every notification, the ones of some operations, or one seqNumber.
struct Selection {
  std::optional<rsp::NotificationEvents> operations;
  std::optional<std::uint64_t> seq_number;

  bool matches(const StoredNotification& n) const {
    if (operations && !operations->contains(n.metadata.operation)) return false;
    if (seq_number && n.metadata.seq_number != *seq_number) return false;
    return true;
  }
};

std::optional<rsp::NotificationEvents> read_operations(const tlv::Node& node) {
  auto bits = tlv::read_bit_string(node);
  if (!bits) return std::nullopt;
  return rsp::NotificationEvents::from_bits(*bits);
}

}  // namespace

// ListNotificationRequest ::= [40] SEQUENCE { profileManagementOperation [1] NotificationEvent OPTIONAL }
Es10Response list_notification(CardContext& ctx, const tlv::Node& request) {
  Selection selection;
  if (auto filter = request.find(tn::kSearchByOperation)) {
    selection.operations = read_operations(*filter);
    if (!selection.operations) return malformed_request();
  }
  auto list = tlv::Element::constructed(tn::kMetadataListOk);
  for (const auto& n : ctx.state.notifications)
    if (selection.matches(n)) list.add(rsp::encode_notification_metadata(n.metadata));
  return tlv::Element::constructed(t::kListNotification, {std::move(list)}).encode();
}

// RetrieveNotificationsListRequest ::= [43] SEQUENCE { searchCriteria [0] CHOICE {
//   seqNumber [0] INTEGER, profileManagementOperation [1] NotificationEvent } OPTIONAL }
// The CHOICE's tag is explicit: A0 { 80 .. } or A0 { 81 .. }.
Es10Response retrieve_notifications_list(CardContext& ctx, const tlv::Node& request) {
  Selection selection;
  if (auto criteria = request.find(tlv::Tag::context(0, true))) {
    if (auto seq = criteria->find(tn::kSearchBySeqNumber)) {
      auto number = tlv::read_unsigned(*seq);
      if (!number) return malformed_request();
      selection.seq_number = *number;
    } else if (auto operation = criteria->find(tn::kSearchByOperation)) {
      selection.operations = read_operations(*operation);
      if (!selection.operations) return malformed_request();
    } else {
      return malformed_request();
    }
  }
  auto list = tlv::Element::constructed(tn::kPendingListOk);
  bool any = false;
  for (const auto& n : ctx.state.notifications) {
    if (!selection.matches(n)) continue;
    list.add(tlv::Element::preencoded(n.pending_notification));
    any = true;
  }
  // 5.7.10: a seqNumber that names no notification is noResultAvailable; a search by operation
  // that finds none is an empty list.
  if (selection.seq_number && !any) return list_error_response(t::kRetrieveNotificationsList, kNoResultAvailable);
  return tlv::Element::constructed(t::kRetrieveNotificationsList, {std::move(list)}).encode();
}

// NotificationSentRequest ::= [48] SEQUENCE { seqNumber [0] INTEGER }
Es10Response remove_notification_from_list(CardContext& ctx, const tlv::Node& request) {
  auto seq = request.find(tn::kSeqNumber);
  if (!seq) return malformed_request();
  auto number = tlv::read_unsigned(*seq);
  if (!number) return malformed_request();
  auto has_number = [&](const StoredNotification& n) { return n.metadata.seq_number == *number; };
  if (std::none_of(ctx.state.notifications.begin(), ctx.state.notifications.end(), has_number))
    return result_response(t::kNotificationSent, kNothingToDelete);
  EuiccState next = ctx.state;
  std::erase_if(next.notifications, has_number);
  if (!ctx.commit(std::move(next))) return commit_failed();
  return result_response(t::kNotificationSent, kOk);
}

}  // namespace lpad::veuicc::handlers
