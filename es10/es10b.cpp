#include "es10/es10b.h"

#include <fmt/format.h>

#include "es10/response.h"
#include "rsp/tags.h"
#include "tlv/values.h"

namespace lpad::es10 {

namespace {

namespace t = rsp::tags;
using tlv::Element;
using tlv::Tag;

Result<Bytes> pass_through(IsdrChannel& channel, ByteView request, Tag tag, std::string_view function) {
  auto decoded = tlv::decode(request, tag);
  if (!decoded) return fail(Errc::invalid_argument, fmt::format("{}: the request is not a {} TLV", function, tag.to_string()));
  auto answer = channel.command(request);
  if (!answer) return unexpected(answer.error());
  if (auto check = tlv::decode(*answer, tag); !check)
    return fail(Errc::es10_bad_response, fmt::format("the eUICC's answer to {} is malformed: {}", function, check.error().message));
  return answer;
}

ByteView header_of(const tlv::Node& node) { return node.encoded().first(node.encoded().size() - node.value().size()); }

}  // namespace

Result<Bytes> get_euicc_challenge(IsdrChannel& channel) {
  auto response = call(channel, Element::constructed(t::kEuiccChallenge), t::kEuiccChallenge, "GetEUICCChallenge");
  if (!response) return unexpected(response.error());
  auto challenge = response->root.require(Tag{0x80});
  if (!challenge) return unexpected(challenge.error());
  if (challenge->value().size() != 16) return fail(Errc::es10_bad_response, "GetEUICCChallenge: the challenge is not 16 bytes");
  return Bytes(challenge->value().begin(), challenge->value().end());
}

Result<EuiccInfo1Response> get_euicc_info1(IsdrChannel& channel) {
  auto response = call(channel, Element::constructed(t::kEuiccInfo1), t::kEuiccInfo1, "GetEUICCInfo1");
  if (!response) return unexpected(response.error());
  auto info = rsp::decode_euicc_info1(response->root);
  if (!info) return fail(Errc::es10_bad_response, "GetEUICCInfo1: " + info.error().message);
  return EuiccInfo1Response{std::move(*info), std::move(response->der)};
}

Result<rsp::EuiccInfo2> get_euicc_info2(IsdrChannel& channel) {
  auto response = call(channel, Element::constructed(t::kEuiccInfo2), t::kEuiccInfo2, "GetEUICCInfo2");
  if (!response) return unexpected(response.error());
  auto info = rsp::decode_euicc_info2(response->root);
  if (!info) return fail(Errc::es10_bad_response, "GetEUICCInfo2: " + info.error().message);
  return info;
}

Result<std::vector<rsp::NotificationMetadata>> list_notifications(IsdrChannel& channel, std::optional<rsp::NotificationEvent> only) {
  auto request = Element::constructed(t::kListNotification);
  if (only) request.add(tlv::bit_string(t::notification::kOperation, rsp::NotificationEvents{*only}.to_bits()));
  auto response = call(channel, request, t::kListNotification, "ListNotification");
  if (!response) return unexpected(response.error());
  if (response->root.find(t::notification::kListError)) return fail(Errc::es10_card_refused, "ListNotification: the eUICC refused (undefinedError)");
  auto list = response->root.require(t::notification::kMetadataListOk);
  if (!list) return unexpected(list.error());
  std::vector<rsp::NotificationMetadata> out;
  for (const auto& node : list->children()) {
    auto metadata = rsp::decode_notification_metadata(node);
    if (!metadata) return fail(Errc::es10_bad_response, "ListNotification: " + metadata.error().message);
    out.push_back(std::move(*metadata));
  }
  return out;
}

Result<std::vector<rsp::PendingNotification>> retrieve_notifications(IsdrChannel& channel, std::optional<std::uint64_t> seq_number) {
  auto request = Element::constructed(t::kRetrieveNotificationsList);
  // searchCriteria [0] CHOICE { seqNumber [0] INTEGER, ... }
  if (seq_number)
    request.add(Element::constructed(Tag{0xA0}, {tlv::integer(t::notification::kSearchBySeqNumber, static_cast<std::int64_t>(*seq_number))}));
  auto response = call(channel, request, t::kRetrieveNotificationsList, "RetrieveNotificationsList");
  if (!response) return unexpected(response.error());
  if (auto error = response->root.find(Tag{0x81})) {
    auto code = tlv::read_integer(*error);
    if (code && *code == 1)
      return fail(Errc::es10_notification_not_found, fmt::format("the eUICC holds no notification {}", seq_number.value_or(0)));
    return fail(Errc::es10_card_refused, "RetrieveNotificationsList: the eUICC refused (undefinedError)");
  }
  auto list = response->root.require(t::notification::kPendingListOk);
  if (!list) return unexpected(list.error());
  std::vector<rsp::PendingNotification> out;
  for (const auto& node : list->children()) {
    auto pending = rsp::decode_pending_notification(node);
    if (!pending) return fail(Errc::es10_bad_response, "RetrieveNotificationsList: " + pending.error().message);
    out.push_back(std::move(*pending));
  }
  return out;
}

Result<void> remove_notification(IsdrChannel& channel, std::uint64_t seq_number) {
  auto request = Element::constructed(t::kNotificationSent, {tlv::integer(Tag{0x80}, static_cast<std::int64_t>(seq_number))});
  auto response = call(channel, request, t::kNotificationSent, "RemoveNotificationFromList");
  if (!response) return unexpected(response.error());
  auto code = result_code(response->root);
  if (!code) return unexpected(code.error());
  // deleteNotificationStatus: ok(0), nothingToDelete(1), undefinedError(127)
  if (*code == 0) return {};
  if (*code == 1) return fail(Errc::es10_notification_not_found, fmt::format("the eUICC holds no notification {}", seq_number));
  return check_result("RemoveNotificationFromList", *code, ResultMeaning::other, "undefinedError");
}

Result<Bytes> authenticate_server(IsdrChannel& channel, ByteView request) {
  return pass_through(channel, request, t::kAuthenticateServer, "AuthenticateServer");
}

Result<Bytes> prepare_download(IsdrChannel& channel, ByteView request) {
  return pass_through(channel, request, t::kPrepareDownload, "PrepareDownload");
}

Result<Bytes> cancel_session(IsdrChannel& channel, ByteView request) {
  return pass_through(channel, request, t::kCancelSession, "CancelSession");
}

Result<std::vector<ByteView>> split_bound_profile_package(ByteView bpp_der) {
  auto bpp = tlv::decode(bpp_der, t::kBoundProfilePackage);
  if (!bpp) return unexpected(bpp.error());
  auto init = bpp->require(t::kInitialiseSecureChannel);
  if (!init) return unexpected(init.error());
  std::vector<ByteView> pieces;
  // (1) BF36 tag and length together with the whole BF23.
  auto bpp_header = header_of(*bpp);
  pieces.push_back(bpp_der.first(bpp_header.size() + init->encoded().size()));
  if (init->offset() != bpp_header.size())
    return fail(Errc::tlv_unexpected_tag, "a BoundProfilePackage must start with InitialiseSecureChannelRequest");
  std::optional<tlv::Node> a0, a1, a2, a3;
  for (const auto& child : bpp->children()) {
    if (child.tag() == t::bpp::kFirstSequenceOf87) a0 = child;
    else if (child.tag() == t::bpp::kSequenceOf88) a1 = child;
    else if (child.tag() == t::bpp::kSecondSequenceOf87) a2 = child;
    else if (child.tag() == t::bpp::kSequenceOf86) a3 = child;
  }
  if (!a0 || !a1 || !a3) return fail(Errc::tlv_missing_element, "a BoundProfilePackage lacks one of A0, A1, A3");
  // (2) the whole A0; (3) A1's header, then each 88; (4) the whole A2; (5) A3's header, then each 86.
  pieces.push_back(a0->encoded());
  pieces.push_back(header_of(*a1));
  for (const auto& segment : a1->children()) pieces.push_back(segment.encoded());
  if (a2) pieces.push_back(a2->encoded());
  pieces.push_back(header_of(*a3));
  for (const auto& segment : a3->children()) pieces.push_back(segment.encoded());
  return pieces;
}

Result<Bytes> load_bound_profile_package(IsdrChannel& channel, ByteView bpp_der, const LoadProgress& progress) {
  auto pieces = split_bound_profile_package(bpp_der);
  if (!pieces) return fail(Errc::invalid_argument, "the bound profile package is malformed: " + pieces.error().message);
  for (std::size_t i = 0; i < pieces->size(); ++i) {
    auto answer = channel.command((*pieces)[i]);
    if (!answer) return unexpected(answer.error());
    if (progress) progress(i + 1, pieces->size());
    // The card answers the ProfileInstallationResult after the last piece, or early on failure.
    if (!answer->empty()) {
      if (auto check = tlv::decode(*answer, t::kProfileInstallationResult); !check)
        return fail(Errc::es10_bad_response, "the eUICC's ProfileInstallationResult is malformed: " + check.error().message);
      return answer;
    }
  }
  return fail(Errc::es10_bad_response, "the eUICC loaded the whole package but answered no ProfileInstallationResult");
}

}  // namespace lpad::es10
