// Helpers shared by the download codecs (authentication, prepare_download, bound_profile_package,
// cancel_session): members that recur in every structure of SGP.22 section 5.7.13-5.7.16.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/bytes.h"
#include "core/error.h"
#include "rsp/tags.h"
#include "rsp/value_readers.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"

namespace lpad::rsp::detail {

inline Bytes to_bytes(ByteView v) { return Bytes(v.begin(), v.end()); }

// TransactionId ::= OCTET STRING (SIZE(1..16))
inline Result<Bytes> read_transaction_id(const tlv::Node& node) { return read_sized_bytes<1, 16>(node); }

// Every ECDSA signature is [APPLICATION 55] OCTET STRING (5F37) holding r || s.
inline tlv::Element signature(ByteView r_s) { return tlv::octets(tags::kSignature, r_s); }

// The children of a SEQUENCE whose members share tags (two certificates are both 30), the first
// ones checked against `tags_in_order`; any members after those are the caller's to read.
inline Result<std::vector<tlv::Node>> children_in_order(const tlv::Node& node, std::initializer_list<tlv::Tag> tags_in_order) {
  std::vector<tlv::Node> children(node.children().begin(), node.children().end());
  if (children.size() < tags_in_order.size())
    return fail_at(Errc::tlv_missing_element, node.offset(),
                   fmt::format("{} has {} members where {} are needed", node.tag().to_string(), children.size(), tags_in_order.size()));
  std::size_t i = 0;
  for (auto tag : tags_in_order) {
    if (auto ok = children[i].expect(tag); !ok) return unexpected(ok.error());
    ++i;
  }
  return children;
}

}  // namespace lpad::rsp::detail
