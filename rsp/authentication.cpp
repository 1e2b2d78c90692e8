#include "rsp/authentication.h"

#include "rsp/download_fields.h"
#include "rsp/field_reader.h"
#include "rsp/tags.h"
#include "rsp/value_readers.h"
#include "tlv/values.h"

namespace lpad::rsp {

namespace s1 = tags::signed1;
namespace cp = tags::ctx_params;
namespace dl = tags::download;
using detail::to_bytes;
using tlv::Element;

tlv::Element encode_euicc_challenge_response(ByteView challenge) {
  return Element::constructed(tags::kEuiccChallenge, {tlv::octets(dl::kEuiccChallenge, challenge)});
}

Result<Bytes> decode_euicc_challenge_response(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kEuiccChallenge); !ok) return unexpected(ok.error());
  auto challenge = node.require(dl::kEuiccChallenge);
  if (!challenge) return unexpected(challenge.error());
  return read_sized_bytes<16, 16>(*challenge);
}

tlv::Element encode_server_signed1(const ServerSigned1& s) {
  return Element::constructed(tags::kSequence, {tlv::octets(s1::kTransactionId, s.transaction_id),
                                                tlv::octets(s1::kEuiccChallenge, s.euicc_challenge),
                                                tlv::utf8(s1::kServerAddress, s.server_address),
                                                tlv::octets(s1::kServerChallenge, s.server_challenge)});
}

Result<ServerSigned1> decode_server_signed1(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kSequence); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto transaction_id = f.required(s1::kTransactionId, detail::read_transaction_id);
  auto challenge = f.required(s1::kEuiccChallenge, read_sized_bytes<16, 16>);
  auto address = f.required(s1::kServerAddress, tlv::read_utf8);
  auto server_challenge = f.required(s1::kServerChallenge, read_sized_bytes<16, 16>);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return ServerSigned1{std::move(*transaction_id), std::move(*challenge), std::move(*address), std::move(*server_challenge)};
}

namespace {

Element encode_device_info(const DeviceInfo& info) {
  auto capabilities = Element::constructed(cp::kDeviceCapabilities);
  for (const auto& c : info.capabilities) capabilities.add(tlv::octets(tlv::Tag::context(c.member, false), c.release));
  auto e = Element::constructed(cp::kDeviceInfo, {tlv::octets(cp::kTac, info.tac), std::move(capabilities)});
  if (info.imei) e.add(tlv::octets(cp::kImei, *info.imei));
  return e;
}

Result<DeviceInfo> decode_device_info(const tlv::Node& node) {
  FieldReader f(node);
  auto tac = f.required(cp::kTac, read_sized_bytes<4, 4>);
  auto capabilities = f.required_node(cp::kDeviceCapabilities);
  auto imei = f.optional(cp::kImei, read_sized_bytes<8, 8>);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  DeviceInfo info{std::move(*tac), {}, std::move(imei)};
  for (const auto& member : capabilities->children()) {
    auto tag = member.tag();
    if (tag.tag_class() != tlv::TagClass::context || tag.constructed() || tag.size() != 1)
      return fail_at(Errc::tlv_unexpected_tag, member.offset(),
                     fmt::format("deviceCapabilities member {} is not a context-specific release", tag.to_string()));
    info.capabilities.push_back({static_cast<std::uint8_t>(tag.wire() & 0x1F), to_bytes(member.value())});
  }
  return info;
}

}  // namespace

tlv::Element encode_ctx_params1(const CtxParams1& params) {
  auto e = Element::constructed(cp::kCommonAuthentication);
  if (params.matching_id) e.add(tlv::utf8(cp::kMatchingId, *params.matching_id));
  e.add(encode_device_info(params.device_info));
  return e;
}

Result<CtxParams1> decode_ctx_params1(const tlv::Node& node) {
  if (auto ok = node.expect(cp::kCommonAuthentication); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto matching_id = f.optional(cp::kMatchingId, tlv::read_utf8);
  auto device_info_node = f.required_node(cp::kDeviceInfo);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  auto device_info = decode_device_info(*device_info_node);
  if (!device_info) return unexpected(device_info.error());
  return CtxParams1{std::move(matching_id), std::move(*device_info)};
}

tlv::Element encode_authenticate_server_request(const AuthenticateServerRequest& r) {
  return Element::constructed(tags::kAuthenticateServer,
                              {Element::preencoded(r.server_signed1), detail::signature(r.server_signature1),
                               tlv::octets(tags::kOctetString, r.euicc_ci_pkid), Element::preencoded(r.server_certificate),
                               Element::preencoded(r.ctx_params1)});
}

Result<AuthenticateServerRequest> decode_authenticate_server_request(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kAuthenticateServer); !ok) return unexpected(ok.error());
  auto c = detail::children_in_order(node, {tags::kSequence, tags::kSignature, tags::kOctetString, tags::kCertificate,
                                            cp::kCommonAuthentication});
  if (!c) return unexpected(c.error());
  const auto& m = *c;
  return AuthenticateServerRequest{to_bytes(m[0].encoded()), to_bytes(m[1].value()), to_bytes(m[2].value()),
                                   to_bytes(m[3].encoded()), to_bytes(m[4].encoded())};
}

tlv::Element encode_euicc_signed1(const EuiccSigned1& s) {
  return Element::constructed(tags::kSequence, {tlv::octets(s1::kTransactionId, s.transaction_id),
                                                tlv::utf8(s1::kServerAddress, s.server_address),
                                                tlv::octets(s1::kServerChallenge, s.server_challenge),
                                                Element::preencoded(s.euicc_info2), Element::preencoded(s.ctx_params1)});
}

Result<EuiccSigned1> decode_euicc_signed1(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kSequence); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto transaction_id = f.required(s1::kTransactionId, detail::read_transaction_id);
  auto address = f.required(s1::kServerAddress, tlv::read_utf8);
  auto challenge = f.required(s1::kServerChallenge, read_sized_bytes<16, 16>);
  auto info2 = f.required_node(tags::kEuiccInfo2);
  auto ctx = f.required_node(cp::kCommonAuthentication);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return EuiccSigned1{std::move(*transaction_id), std::move(*address), std::move(*challenge), to_bytes(info2->encoded()),
                      to_bytes(ctx->encoded())};
}

tlv::Element encode_authenticate_server_response(const AuthenticateServerResponse& response) {
  if (const auto* ok = std::get_if<AuthenticateResponseOk>(&response)) {
    return Element::constructed(
        tags::kAuthenticateServer,
        {Element::constructed(dl::kResponseOk, {Element::preencoded(ok->euicc_signed1), detail::signature(ok->euicc_signature1),
                                                Element::preencoded(ok->euicc_certificate), Element::preencoded(ok->eum_certificate)})});
  }
  const auto& error = std::get<AuthenticateResponseError>(response);
  return Element::constructed(
      tags::kAuthenticateServer,
      {Element::constructed(dl::kResponseError, {tlv::octets(dl::kTransactionId, error.transaction_id),
                                                 tlv::integer(dl::kErrorCode, static_cast<std::int64_t>(error.code))})});
}

Result<AuthenticateServerResponse> decode_authenticate_server_response(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kAuthenticateServer); !ok) return unexpected(ok.error());
  if (auto error = node.find(dl::kResponseError)) {
    FieldReader f(*error);
    auto transaction_id = f.required(dl::kTransactionId, detail::read_transaction_id);
    auto code = f.required(dl::kErrorCode, read_enumerated<AuthenticateErrorCode, 127>);
    if (auto ok = f.finish(); !ok) return unexpected(ok.error());
    return AuthenticateResponseError{std::move(*transaction_id), *code};
  }
  auto ok_node = node.require(dl::kResponseOk);
  if (!ok_node) return unexpected(ok_node.error());
  auto c = detail::children_in_order(*ok_node, {tags::kSequence, tags::kSignature, tags::kCertificate, tags::kCertificate});
  if (!c) return unexpected(c.error());
  const auto& m = *c;
  return AuthenticateResponseOk{to_bytes(m[0].encoded()), to_bytes(m[1].value()), to_bytes(m[2].encoded()), to_bytes(m[3].encoded())};
}

}  // namespace lpad::rsp
