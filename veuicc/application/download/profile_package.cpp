#include "veuicc/application/download/profile_package.h"

#include "tlv/decoder.h"

namespace lpad::veuicc {

namespace {
constexpr tlv::Tag kHeaderElement{0xA0};  // ProfileElement.header [0]
constexpr tlv::Tag kHeaderIccid{0x83};    // ProfileHeader.iccid [3] OCTET STRING (SIZE(10))
}  // namespace

Result<Iccid> profile_package_iccid(ByteView upp) {
  auto first = tlv::decode_prefix(upp);
  if (!first) return unexpected(first.error());
  auto header = first->expect(kHeaderElement);
  if (!header) return unexpected(header.error());
  auto iccid = header->require(kHeaderIccid);
  if (!iccid) return unexpected(iccid.error());
  Bytes swapped(iccid->value().begin(), iccid->value().end());
  for (auto& b : swapped) b = static_cast<std::uint8_t>((b << 4) | (b >> 4));
  return Iccid::from_bcd(swapped);
}

}  // namespace lpad::veuicc
