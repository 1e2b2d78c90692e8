#include "rsp/cancel_session.h"

#include "rsp/download_fields.h"
#include "rsp/field_reader.h"
#include "rsp/tags.h"
#include "rsp/value_readers.h"
#include "tlv/values.h"

namespace lpad::rsp {

namespace cs = tags::cancel_session;
using detail::to_bytes;
using tlv::Element;

tlv::Element encode_cancel_session_request(const CancelSessionRequest& r) {
  return Element::constructed(tags::kCancelSession, {tlv::octets(cs::kTransactionId, r.transaction_id),
                                                     tlv::integer(cs::kReason, static_cast<std::int64_t>(r.reason))});
}

Result<CancelSessionRequest> decode_cancel_session_request(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kCancelSession); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto transaction_id = f.required(cs::kTransactionId, detail::read_transaction_id);
  auto reason = f.required(cs::kReason, read_enumerated<CancelSessionReason, 127>);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return CancelSessionRequest{std::move(*transaction_id), *reason};
}

Result<tlv::Element> encode_euicc_cancel_session_signed(const EuiccCancelSessionSigned& s) {
  auto oid = tlv::oid(cs::kSmdpOid, s.smdp_oid);
  if (!oid) return unexpected(oid.error());
  return Element::constructed(tags::kSequence, {tlv::octets(cs::kTransactionId, s.transaction_id), std::move(*oid),
                                                tlv::integer(cs::kSignedReason, static_cast<std::int64_t>(s.reason))});
}

Result<EuiccCancelSessionSigned> decode_euicc_cancel_session_signed(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kSequence); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto transaction_id = f.required(cs::kTransactionId, detail::read_transaction_id);
  auto oid = f.required(cs::kSmdpOid, tlv::read_oid);
  auto reason = f.required(cs::kSignedReason, read_enumerated<CancelSessionReason, 127>);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return EuiccCancelSessionSigned{std::move(*transaction_id), std::move(*oid), *reason};
}

tlv::Element encode_cancel_session_response(const CancelSessionResponse& response) {
  if (const auto* ok = std::get_if<CancelSessionResponseOk>(&response)) {
    return Element::constructed(tags::kCancelSession, {Element::constructed(tags::download::kResponseOk,
                                                                            {Element::preencoded(ok->euicc_cancel_session_signed),
                                                                             detail::signature(ok->signature)})});
  }
  return Element::constructed(tags::kCancelSession,
                              {tlv::integer(cs::kResponseError, static_cast<std::int64_t>(std::get<CancelSessionError>(response)))});
}

Result<CancelSessionResponse> decode_cancel_session_response(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kCancelSession); !ok) return unexpected(ok.error());
  if (auto error = node.find(cs::kResponseError)) {
    auto code = read_enumerated<CancelSessionError, 127>(*error);
    if (!code) return unexpected(code.error());
    return *code;
  }
  auto ok_node = node.require(tags::download::kResponseOk);
  if (!ok_node) return unexpected(ok_node.error());
  auto c = detail::children_in_order(*ok_node, {tags::kSequence, tags::kSignature});
  if (!c) return unexpected(c.error());
  return CancelSessionResponseOk{to_bytes((*c)[0].encoded()), to_bytes((*c)[1].value())};
}

}  // namespace lpad::rsp
