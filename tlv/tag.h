// A BER tag of one to three bytes, held as its wire bytes: Tag{0xBF2D} is what a card sends as
// BF 2D. X.690 section 8.1.2: bits 8-7 of the first byte are the class, bit 6 "constructed", and
// a low-five-bits value of 31 means the number continues in following bytes (bit 8 = more).
#pragma once

#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace lpad::tlv {

enum class TagClass : std::uint8_t { universal = 0, application = 1, context = 2, private_ = 3 };

class Tag {
 public:
  static constexpr std::size_t kMaxBytes = 3;

  // Constant evaluation turns a malformed constant into a compile error; at run time it throws,
  // which only a programming error can cause (decoded tags are built by the decoder).
  constexpr explicit Tag(std::uint32_t wire) : wire_(wire) {
    if (!well_formed(wire)) throw std::invalid_argument("malformed BER tag");
  }

  constexpr std::uint32_t wire() const { return wire_; }
  constexpr std::size_t size() const { return wire_ > 0xFFFF ? 3 : wire_ > 0xFF ? 2 : 1; }
  constexpr std::uint8_t first_byte() const {
    return static_cast<std::uint8_t>(wire_ >> (8 * (size() - 1)));
  }
  constexpr bool constructed() const { return (first_byte() & 0x20) != 0; }
  constexpr TagClass tag_class() const { return static_cast<TagClass>(first_byte() >> 6); }

  // "BF2D"
  std::string to_string() const;

  constexpr auto operator<=>(const Tag&) const = default;

  // The context-specific tag [n] as AUTOMATIC TAGS gives it: 80+n primitive, A0+n constructed.
  static constexpr Tag context(std::uint8_t number, bool constructed) {
    return Tag(static_cast<std::uint32_t>((constructed ? 0xA0 : 0x80) | number));
  }

 private:
  static constexpr bool well_formed(std::uint32_t wire) {
    if (wire > 0xFFFFFF) return false;
    std::size_t n = wire > 0xFFFF ? 3 : wire > 0xFF ? 2 : 1;
    auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(wire >> (8 * (n - 1 - i))); };
    bool multi = (byte(0) & 0x1F) == 0x1F;
    if (!multi) return n == 1;
    if (n == 1) return false;
    if (byte(1) == 0x80) return false;  // leading zero bits in the number: not minimal
    for (std::size_t i = 1; i < n; ++i) {
      bool more = (byte(i) & 0x80) != 0;
      if (more != (i + 1 < n)) return false;
    }
    // Numbers below 31 must use the one-byte form.
    return !(n == 2 && byte(1) < 0x1F);
  }

  std::uint32_t wire_;
};

}  // namespace lpad::tlv
