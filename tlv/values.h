// Reading ASN.1 primitive values out of decoded nodes, so that parsers read like the ASN.1:
//   auto iccid = read_iccid(*profile.require(kIccid));
// Every reader checks the DER form of its type and reports tlv.bad-value with the node's offset.
#pragma once

#include <cstdint>
#include <string>

#include "core/error.h"
#include "core/iccid.h"
#include "tlv/bit_string.h"
#include "tlv/decoder.h"

namespace lpad::tlv {

// INTEGER (two's complement, minimal, at most 8 bytes).
Result<std::int64_t> read_integer(const Node& node);
// INTEGER that must not be negative, e.g. seqNumber or an enumeration.
Result<std::uint64_t> read_unsigned(const Node& node);
// BOOLEAN: one byte, 00 or FF as DER says.
Result<bool> read_boolean(const Node& node);
// UTF8String, checked to be well-formed UTF-8.
Result<std::string> read_utf8(const Node& node);
// BIT STRING: unused-bit count 0-7, unused bits zero.
Result<BitString> read_bit_string(const Node& node);
// OBJECT IDENTIFIER in dotted form, "2.999.10".
Result<std::string> read_oid(const Node& node);
// Iccid ::= [APPLICATION 26] OCTET STRING (SIZE(10)), BCD with swapped nibbles.
Result<Iccid> read_iccid(const Node& node);

}  // namespace lpad::tlv
