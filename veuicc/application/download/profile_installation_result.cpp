#include "veuicc/application/download/profile_installation_result.h"

#include "crypto/ecdsa.h"
#include "tlv/builder.h"

namespace lpad::veuicc {

Bytes sima_response_ok() {
  // EUICCResponse ::= SEQUENCE { peStatus [0] SEQUENCE OF PEStatus, ... }, PEStatus ::= SEQUENCE {
  // status [0] INTEGER { ok(0), ... }, ... } (AUTOMATIC TAGS): 30 07 A0 05 30 03 80 01 00.
  using tlv::Element;
  constexpr tlv::Tag kSequence{0x30};
  auto status_ok = Element::constructed(kSequence, {tlv::integer(tlv::Tag::context(0, false), 0)});
  return Element::constructed(kSequence, {Element::constructed(tlv::Tag::context(0, true), {std::move(status_ok)})}).encode();
}

Result<Bytes> signed_profile_installation_result(const Identity& identity, const rsp::ProfileInstallationResultData& data) {
  auto element = rsp::encode_profile_installation_result_data(data);
  if (!element) return unexpected(element.error());
  auto data_der = element->encode();
  auto signature = crypto::ecdsa_sign(identity.euicc_key, data_der);
  if (!signature) return unexpected(signature.error());
  return rsp::encode_profile_installation_result(data_der, *signature).encode();
}

}  // namespace lpad::veuicc
