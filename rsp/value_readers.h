// Readers for SGP.22 value types on top of tlv/values.h: enumerated INTEGERs and fixed-size
// OCTET STRINGs, each checked against the ASN.1 constraint.
#pragma once

#include <cstddef>
#include <cstdint>

#include <fmt/format.h>

#include "core/bytes.h"
#include "core/error.h"
#include "tlv/decoder.h"
#include "tlv/values.h"

namespace lpad::rsp {

// An INTEGER { ... } with values 0..max, as an enum.
template <class Enum, std::int64_t kMax>
Result<Enum> read_enumerated(const tlv::Node& node) {
  auto value = tlv::read_integer(node);
  if (!value) return unexpected(value.error());
  if (*value < 0 || *value > kMax)
    return fail_at(Errc::tlv_bad_value, node.offset(),
                   fmt::format("tag {}: value {} is outside 0..{}", node.tag().to_string(), *value, kMax));
  return static_cast<Enum>(*value);
}

// OCTET STRING content as owned bytes.
inline Result<Bytes> read_bytes(const tlv::Node& node) { return Bytes(node.value().begin(), node.value().end()); }

// OCTET STRING (SIZE(min..max)).
template <std::size_t kMin, std::size_t kMax>
Result<Bytes> read_sized_bytes(const tlv::Node& node) {
  auto size = node.value().size();
  if (size < kMin || size > kMax)
    return fail_at(Errc::tlv_bad_value, node.offset(),
                   fmt::format("tag {}: {} bytes where {}..{} are allowed", node.tag().to_string(), size, kMin, kMax));
  return Bytes(node.value().begin(), node.value().end());
}

}  // namespace lpad::rsp
