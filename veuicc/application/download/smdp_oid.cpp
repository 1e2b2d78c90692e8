#include "veuicc/application/download/smdp_oid.h"

#include <algorithm>

#include "tlv/decoder.h"
#include "tlv/values.h"

namespace lpad::veuicc {

namespace {
constexpr tlv::Tag kSequence{0x30};
constexpr tlv::Tag kExtensions{0xA3};       // TBSCertificate.extensions [3] EXPLICIT
constexpr tlv::Tag kOid{0x06};
constexpr tlv::Tag kOctetString{0x04};      // Extension.extnValue
constexpr tlv::Tag kRegisteredId{0x88};     // GeneralName.registeredID [8] IMPLICIT OBJECT IDENTIFIER
constexpr std::uint8_t kSubjectAltName[] = {0x55, 0x1D, 0x11};  // 2.5.29.17
}  // namespace

// Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { ..., extensions [3] { SEQUENCE OF Extension } } }
Result<std::string> smdp_oid_of(const crypto::Certificate& certificate) {
  auto der = certificate.der();
  auto cert = tlv::decode(der, kSequence);
  if (!cert) return unexpected(cert.error());
  auto tbs = cert->require(kSequence);
  if (!tbs) return unexpected(tbs.error());
  auto extensions = tbs->require(kExtensions);
  if (!extensions) return unexpected(extensions.error());
  auto list = extensions->require(kSequence);
  if (!list) return unexpected(list.error());
  for (const auto& extension : list->children()) {
    auto id = extension.find(kOid);
    if (!id || !std::ranges::equal(id->value(), kSubjectAltName)) continue;
    auto value = extension.require(kOctetString);
    if (!value) return unexpected(value.error());
    auto names = tlv::decode(value->value(), kSequence);
    if (!names) return unexpected(names.error());
    auto registered = names->require(kRegisteredId);
    if (!registered) return unexpected(registered.error());
    return tlv::read_oid(*registered);
  }
  return fail(Errc::crypto_bad_certificate, "the SM-DP+ certificate has no subjectAltName with its OID");
}

}  // namespace lpad::veuicc
