#include "tlv/decoder.h"

#include <fmt/format.h>

namespace lpad::tlv {

namespace {

constexpr std::size_t kMaxLengthBytes = 4;

// Reads the tag bytes at data[0..]; `offset` is only for messages.
Result<std::pair<Tag, std::size_t>> read_tag(ByteView data, std::size_t offset) {
  if (data.empty()) return fail_at(Errc::tlv_truncated, offset, "expected a tag, found the end of the data");
  std::uint32_t wire = data[0];
  if (wire == 0x00)
    return fail_at(Errc::tlv_unexpected_tag, offset, "tag 00 (end-of-contents) appears only with indefinite lengths");
  std::size_t size = 1;
  if ((data[0] & 0x1F) == 0x1F) {
    for (;;) {
      if (size >= data.size())
        return fail_at(Errc::tlv_truncated, offset, "a multi-byte tag runs past the end of the data");
      std::uint8_t b = data[size];
      if (size == 1 && b == 0x80)
        return fail_at(Errc::tlv_non_minimal_tag, offset, "tag number has leading zero bits");
      wire = wire << 8 | b;
      ++size;
      if ((b & 0x80) == 0) break;
      if (size == Tag::kMaxBytes)
        return fail_at(Errc::tlv_tag_too_long, offset, "tag is longer than three bytes");
    }
    if (size == 2 && data[1] < 0x1F)
      return fail_at(Errc::tlv_non_minimal_tag, offset,
                     fmt::format("tag number {} must use the one-byte form", data[1]));
  }
  return std::pair{Tag(wire), size};
}

// Header at data[0..], with the length checked against what is there unless the value may follow later.
Result<Header> read_header(ByteView data, std::size_t offset, const DecodeOptions& options, bool value_follows = true) {
  auto tag = read_tag(data, offset);
  if (!tag) return unexpected(tag.error());
  auto [t, pos] = *tag;
  if (pos >= data.size())
    return fail_at(Errc::tlv_truncated, offset, fmt::format("tag {} has no length", t.to_string()));
  std::uint8_t first = data[pos++];
  std::size_t length = first;
  if (first == 0x80)
    return fail_at(Errc::tlv_indefinite_length, offset,
                   fmt::format("tag {} uses the indefinite length form", t.to_string()));
  if (first > 0x80) {
    std::size_t count = first & 0x7F;
    if (count > kMaxLengthBytes)
      return fail_at(Errc::tlv_length_too_long, offset,
                     fmt::format("tag {} has a {}-byte length field (at most {})", t.to_string(), count, kMaxLengthBytes));
    if (pos + count > data.size())
      return fail_at(Errc::tlv_truncated, offset, fmt::format("length of tag {} is cut off", t.to_string()));
    length = 0;
    for (std::size_t i = 0; i < count; ++i) length = length << 8 | data[pos + i];
    bool minimal = data[pos] != 0 && !(count == 1 && length < 0x80);
    if (options.require_minimal_length && !minimal)
      return fail_at(Errc::tlv_non_minimal_length, offset,
                     fmt::format("length {} of tag {} is not in its shortest form", length, t.to_string()));
    pos += count;
  }
  if (value_follows && length > data.size() - pos)
    return fail_at(Errc::tlv_truncated, offset,
                   fmt::format("value of tag {} needs {} bytes, {} remain", t.to_string(), length, data.size() - pos));
  return Header{t, pos, length};
}

// Header of data that has been validated already.
Header trusted_header(ByteView data) {
  DecodeOptions lenient;
  lenient.require_minimal_length = false;
  return *read_header(data, 0, lenient);
}

}  // namespace

struct Decoder {
  const DecodeOptions& options;

  Result<Node> one(ByteView data, std::size_t offset, std::size_t depth) const {
    if (depth > options.max_depth)
      return fail_at(Errc::tlv_too_deep, offset, fmt::format("nesting deeper than {} levels", options.max_depth));
    auto header = read_header(data, offset, options);
    if (!header) return unexpected(header.error());
    std::size_t total = header->header_size + header->value_size;
    Node node(header->tag, data.first(total), data.subspan(header->header_size, header->value_size), offset);
    if (node.constructed()) {
      auto checked = children(node.value(), offset + header->header_size, depth + 1);
      if (!checked) return unexpected(checked.error());
    }
    return node;
  }

  Result<void> children(ByteView data, std::size_t offset, std::size_t depth) const {
    std::size_t pos = 0;
    while (pos < data.size()) {
      auto child = one(data.subspan(pos), offset + pos, depth);
      if (!child) return unexpected(child.error());
      pos += child->encoded().size();
    }
    return {};
  }
};

Result<Header> decode_header(ByteView data, const DecodeOptions& options) {
  return read_header(data, 0, options, /*value_follows=*/false);
}

Result<Node> decode_prefix(ByteView data, const DecodeOptions& options) {
  return Decoder{options}.one(data, 0, 1);
}

Result<Node> decode(ByteView der, const DecodeOptions& options) {
  auto node = decode_prefix(der, options);
  if (!node) return node;
  if (node->encoded().size() != der.size())
    return fail_at(Errc::tlv_trailing_bytes, node->encoded().size(),
                   fmt::format("{} bytes follow the {} TLV", der.size() - node->encoded().size(), node->tag().to_string()));
  return node;
}

Result<Node> decode(ByteView der, Tag expected, const DecodeOptions& options) {
  auto node = decode(der, options);
  if (!node) return node;
  return node->expect(expected);
}

Result<std::vector<Node>> decode_all(ByteView data, const DecodeOptions& options) {
  std::vector<Node> nodes;
  std::size_t pos = 0;
  while (pos < data.size()) {
    auto node = Decoder{options}.one(data.subspan(pos), pos, 1);
    if (!node) return unexpected(node.error());
    // Offsets are relative to `data`; the node's view already starts at pos.
    pos += node->encoded().size();
    nodes.push_back(*node);
  }
  return nodes;
}

Node ChildIterator::operator*() const {
  Header h = trusted_header(rest_);
  std::size_t total = h.header_size + h.value_size;
  return Node(h.tag, rest_.first(total), rest_.subspan(h.header_size, h.value_size), offset_);
}

ChildIterator& ChildIterator::operator++() {
  Header h = trusted_header(rest_);
  std::size_t total = h.header_size + h.value_size;
  rest_ = rest_.subspan(total);
  offset_ += total;
  return *this;
}

ChildRange Node::children() const {
  if (!constructed()) return {};
  std::size_t header_size = encoded_.size() - value_.size();
  return {ChildIterator(value_, offset_ + header_size), ChildIterator(value_.last(0), 0)};
}

std::size_t Node::child_count() const {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& child : children()) ++n;
  return n;
}

std::optional<Node> Node::find(Tag tag) const {
  for (const auto& child : children())
    if (child.tag() == tag) return child;
  return std::nullopt;
}

Result<Node> Node::require(Tag tag) const {
  if (auto child = find(tag)) return *child;
  return fail_at(Errc::tlv_missing_element, offset_,
                 fmt::format("{} lacks its mandatory element {}", tag_.to_string(), tag.to_string()));
}

Result<Node> Node::expect(Tag tag) const {
  if (tag_ == tag) return *this;
  return fail_at(Errc::tlv_unexpected_tag, offset_,
                 fmt::format("expected tag {}, found {}", tag.to_string(), tag_.to_string()));
}

}  // namespace lpad::tlv
