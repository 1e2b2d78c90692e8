// libFuzzer target: the BER-TLV decoder and value readers on arbitrary bytes, as a card or a
// server could send them. Anything decode() accepts must be walkable and readable without a crash,
// and re-decoding a node's own encoding must give the same node.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "tlv/decoder.h"
#include "tlv/values.h"

namespace {

using namespace lpad;
using namespace lpad::tlv;

void walk(const Node& node) {
  // Every reader must fail cleanly or succeed on any primitive value.
  (void)read_integer(node);
  (void)read_unsigned(node);
  (void)read_boolean(node);
  (void)read_utf8(node);
  (void)read_bit_string(node);
  (void)read_oid(node);
  (void)read_iccid(node);
  auto again = decode(node.encoded());
  if (!again || again->value().size() != node.value().size()) std::abort();
  for (const auto& child : node.children()) walk(child);
  (void)node.find(Tag{0x5A});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ByteView input(data, size);
  if (auto node = decode(input)) walk(*node);
  if (auto nodes = decode_all(input)) {
    for (const auto& node : *nodes) walk(node);
  }
  DecodeOptions lenient;
  lenient.require_minimal_length = false;
  lenient.max_depth = 4;
  if (auto node = decode_prefix(input, lenient)) {
    if (node->encoded().size() > size) std::abort();
  }
  return 0;
}
