// Strict BER-TLV decoding for input from cards and servers (X.690 sections 8.1 and 10.1).
// decode() validates the whole tree once (every header, every length, the nesting depth) and
// returns a Node: a view into the caller's buffer. After that, walking children cannot fail and
// copies nothing; the buffer must outlive the nodes.
#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <vector>

#include "core/bytes.h"
#include "core/error.h"
#include "tlv/tag.h"

namespace lpad::tlv {

struct DecodeOptions {
  // DER (the SGP.22 ES9+/ES10 encoding) requires the shortest length form. A lenient reader for a
  // card known to send "81 05" can switch this off; nothing else is ever relaxed.
  bool require_minimal_length = true;
  std::size_t max_depth = 16;  // SGP.22 structures nest no deeper than about 8
};

class Node;

// Iterates the children of a constructed node; the decoder has validated them already.
class ChildIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = Node;
  using difference_type = std::ptrdiff_t;

  ChildIterator() = default;
  ChildIterator(ByteView rest, std::size_t offset) : rest_(rest), offset_(offset) {}

  Node operator*() const;
  ChildIterator& operator++();
  ChildIterator operator++(int) { auto copy = *this; ++*this; return copy; }
  bool operator==(const ChildIterator& other) const { return rest_.size() == other.rest_.size(); }

 private:
  ByteView rest_;
  std::size_t offset_ = 0;
};

struct ChildRange {
  ChildIterator first, last;
  ChildIterator begin() const { return first; }
  ChildIterator end() const { return last; }
};

class Node {
 public:
  Tag tag() const { return tag_; }
  bool constructed() const { return tag_.constructed(); }
  ByteView value() const { return value_; }
  ByteView encoded() const { return encoded_; }   // tag, length and value
  std::size_t offset() const { return offset_; }  // of the tag's first byte in the decoded buffer

  // Children in order; empty for a primitive node.
  ChildRange children() const;
  std::size_t child_count() const;
  // First child with this tag, as "find child by tag" in the ASN.1 reads.
  std::optional<Node> find(Tag tag) const;
  // Like find(), but an absent child is a tlv.missing-element error naming both tags.
  Result<Node> require(Tag tag) const;
  // This node, or a tlv.unexpected-tag error when it carries another tag.
  Result<Node> expect(Tag tag) const;

 private:
  friend class ChildIterator;
  friend struct Decoder;
  Node(Tag tag, ByteView encoded, ByteView value, std::size_t offset)
      : tag_(tag), encoded_(encoded), value_(value), offset_(offset) {}

  Tag tag_;
  ByteView encoded_;
  ByteView value_;
  std::size_t offset_;
};

// Exactly one TLV filling the whole buffer: trailing bytes are an error.
Result<Node> decode(ByteView der, const DecodeOptions& options = {});
// Exactly one TLV that must carry `expected` (e.g. BF2D for ProfileInfoListResponse).
Result<Node> decode(ByteView der, Tag expected, const DecodeOptions& options = {});
// The first TLV of the buffer; anything after it is left for the caller (node.encoded().size()
// says how much was used).
Result<Node> decode_prefix(ByteView data, const DecodeOptions& options = {});
// A concatenation of TLVs, e.g. the value of a SEQUENCE OF read on its own.
Result<std::vector<Node>> decode_all(ByteView data, const DecodeOptions& options = {});

// The tag and length at the start of `data` when the value need not follow, e.g. the "BF36 len"
// or "A3 len" piece of a Bound Profile Package (SGP.22 section 2.5.5), whose value arrives later.
struct Header {
  Tag tag;
  std::size_t header_size;  // tag and length bytes
  std::size_t value_size;   // as the length field says
};
Result<Header> decode_header(ByteView data, const DecodeOptions& options = {});

}  // namespace lpad::tlv
