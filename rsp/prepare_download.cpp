#include "rsp/prepare_download.h"

#include "rsp/download_fields.h"
#include "rsp/field_reader.h"
#include "rsp/tags.h"
#include "rsp/value_readers.h"
#include "tlv/values.h"

namespace lpad::rsp {

namespace dl = tags::download;
using detail::to_bytes;
using tlv::Element;

tlv::Element encode_smdp_signed2(const SmdpSigned2& s) {
  auto e = Element::constructed(tags::kSequence, {tlv::octets(dl::kTransactionId, s.transaction_id),
                                                  tlv::boolean(tags::signed2::kCcRequiredFlag, s.cc_required)});
  if (s.bpp_euicc_otpk) e.add(tlv::octets(tags::kOtpk, *s.bpp_euicc_otpk));
  return e;
}

Result<SmdpSigned2> decode_smdp_signed2(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kSequence); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto transaction_id = f.required(dl::kTransactionId, detail::read_transaction_id);
  auto cc_required = f.required(tags::signed2::kCcRequiredFlag, tlv::read_boolean);
  auto otpk = f.optional(tags::kOtpk, read_bytes);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return SmdpSigned2{std::move(*transaction_id), *cc_required, std::move(otpk)};
}

tlv::Element encode_prepare_download_request(const PrepareDownloadRequest& r) {
  auto e = Element::constructed(tags::kPrepareDownload, {Element::preencoded(r.smdp_signed2), detail::signature(r.smdp_signature2)});
  if (r.hash_cc) e.add(tlv::octets(dl::kHashCc, *r.hash_cc));
  e.add(Element::preencoded(r.smdp_certificate));
  return e;
}

Result<PrepareDownloadRequest> decode_prepare_download_request(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kPrepareDownload); !ok) return unexpected(ok.error());
  auto c = detail::children_in_order(node, {tags::kSequence, tags::kSignature});
  if (!c) return unexpected(c.error());
  const auto& m = *c;
  PrepareDownloadRequest r{to_bytes(m[0].encoded()), to_bytes(m[1].value()), std::nullopt, {}};
  std::size_t next = 2;
  if (next < m.size() && m[next].tag() == dl::kHashCc) {
    auto hash = read_sized_bytes<32, 32>(m[next]);
    if (!hash) return unexpected(hash.error());
    r.hash_cc = std::move(*hash);
    ++next;
  }
  if (next >= m.size()) return fail_at(Errc::tlv_missing_element, node.offset(), "BF21 lacks smdpCertificate");
  if (auto ok = m[next].expect(tags::kCertificate); !ok) return unexpected(ok.error());
  r.smdp_certificate = to_bytes(m[next].encoded());
  return r;
}

tlv::Element encode_euicc_signed2(const EuiccSigned2& s) {
  auto e = Element::constructed(tags::kSequence, {tlv::octets(dl::kTransactionId, s.transaction_id), tlv::octets(tags::kOtpk, s.euicc_otpk)});
  if (s.hash_cc) e.add(tlv::octets(dl::kHashCc, *s.hash_cc));
  return e;
}

Result<EuiccSigned2> decode_euicc_signed2(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kSequence); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto transaction_id = f.required(dl::kTransactionId, detail::read_transaction_id);
  auto otpk = f.required(tags::kOtpk, read_bytes);
  auto hash_cc = f.optional(dl::kHashCc, read_sized_bytes<32, 32>);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return EuiccSigned2{std::move(*transaction_id), std::move(*otpk), std::move(hash_cc)};
}

tlv::Element encode_prepare_download_response(const PrepareDownloadResponse& response) {
  if (const auto* ok = std::get_if<PrepareDownloadResponseOk>(&response)) {
    return Element::constructed(
        tags::kPrepareDownload,
        {Element::constructed(dl::kResponseOk, {Element::preencoded(ok->euicc_signed2), detail::signature(ok->euicc_signature2)})});
  }
  const auto& error = std::get<PrepareDownloadResponseError>(response);
  return Element::constructed(
      tags::kPrepareDownload,
      {Element::constructed(dl::kResponseError, {tlv::octets(dl::kTransactionId, error.transaction_id),
                                                 tlv::integer(dl::kErrorCode, static_cast<std::int64_t>(error.code))})});
}

Result<PrepareDownloadResponse> decode_prepare_download_response(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kPrepareDownload); !ok) return unexpected(ok.error());
  if (auto error = node.find(dl::kResponseError)) {
    FieldReader f(*error);
    auto transaction_id = f.required(dl::kTransactionId, detail::read_transaction_id);
    auto code = f.required(dl::kErrorCode, read_enumerated<DownloadErrorCode, 127>);
    if (auto ok = f.finish(); !ok) return unexpected(ok.error());
    return PrepareDownloadResponseError{std::move(*transaction_id), *code};
  }
  auto ok_node = node.require(dl::kResponseOk);
  if (!ok_node) return unexpected(ok_node.error());
  auto c = detail::children_in_order(*ok_node, {tags::kSequence, tags::kSignature});
  if (!c) return unexpected(c.error());
  return PrepareDownloadResponseOk{to_bytes((*c)[0].encoded()), to_bytes((*c)[1].value())};
}

}  // namespace lpad::rsp
