// Reading the members of a decoded SEQUENCE the way the ASN.1 lists them, without an error check
// after every line: the first failure is kept and reported by finish().
//   FieldReader f(node);
//   info.nickname = f.optional(tags::profile::kNickname, tlv::read_utf8);
//   auto iccid = f.required(tags::kIccid, tlv::read_iccid);
//   if (auto ok = f.finish(); !ok) return unexpected(ok.error());
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

#include "core/error.h"
#include "tlv/decoder.h"

namespace lpad::rsp {

class FieldReader {
 public:
  explicit FieldReader(const tlv::Node& parent) : parent_(parent) {}

  // The member's value, or nullopt when it is absent (or when an earlier member failed).
  template <class Reader>
  auto optional(tlv::Tag tag, Reader read) -> std::optional<typename std::invoke_result_t<Reader, const tlv::Node&>::value_type> {
    if (error_) return std::nullopt;
    auto child = parent_.find(tag);
    if (!child) return std::nullopt;
    return take(read(*child));
  }

  // Like optional(), but an absent member is a tlv.missing-element error.
  template <class Reader>
  auto required(tlv::Tag tag, Reader read) -> std::optional<typename std::invoke_result_t<Reader, const tlv::Node&>::value_type> {
    if (error_) return std::nullopt;
    auto child = parent_.require(tag);
    if (!child) {
      error_ = child.error();
      return std::nullopt;
    }
    return take(read(*child));
  }

  // A constructed member, handed over as a node (for SEQUENCE OF and nested SEQUENCEs).
  std::optional<tlv::Node> optional_node(tlv::Tag tag) const {
    if (error_) return std::nullopt;
    return parent_.find(tag);
  }
  std::optional<tlv::Node> required_node(tlv::Tag tag) {
    if (error_) return std::nullopt;
    auto child = parent_.require(tag);
    if (!child) {
      error_ = child.error();
      return std::nullopt;
    }
    return *child;
  }

  // Records a failure found by the caller (e.g. in a nested list).
  void fail(Error error) {
    if (!error_) error_ = std::move(error);
  }
  template <class T>
  std::optional<T> take(Result<T> result) {
    if (result) return std::move(*result);
    fail(std::move(result.error()));
    return std::nullopt;
  }

  Result<void> finish() const {
    if (error_) return unexpected<Error>(*error_);
    return {};
  }

 private:
  const tlv::Node& parent_;
  std::optional<Error> error_;
};

}  // namespace lpad::rsp
