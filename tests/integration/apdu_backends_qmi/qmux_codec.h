// The test modem's own QMUX framing and TLV codec, written apart from libqmi so the two check
// each other. Pure functions. Layout (Qualcomm QMUX, as libqmi's qmi-message.c documents it):
//   QMUX header: 01 (I/F type), length (u16, everything after the 01), control flags (00 from
//                the host, 80 from the modem), service, client ID
//   CTL SDU:     flags (00 request, 01 response, 02 indication), transaction (u8), message (u16),
//                TLV length (u16), TLVs
//   service SDU: flags (00 request, 02 response, 04 indication), transaction (u16), message
//                (u16), TLV length (u16), TLVs
//   TLV:         type (u8), length (u16), value
// All multi-byte fields little-endian.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::test::qmux {

inline constexpr std::uint8_t kInterfaceType = 0x01;
inline constexpr std::uint8_t kFromHost = 0x00;
inline constexpr std::uint8_t kFromModem = 0x80;

inline constexpr std::uint8_t kServiceCtl = 0x00;
inline constexpr std::uint8_t kServiceUim = 0x0B;

enum class Kind : std::uint8_t { request, response, indication };

struct Tlv {
  std::uint8_t type = 0;
  Bytes value;
  bool operator==(const Tlv&) const = default;
};

struct Message {
  std::uint8_t service = 0;
  std::uint8_t client_id = 0;
  bool from_modem = false;
  Kind kind = Kind::request;
  std::uint16_t transaction_id = 0;  // CTL carries only the low byte
  std::uint16_t message_id = 0;
  std::vector<Tlv> tlvs;

  const Tlv* find(std::uint8_t type) const;
  bool operator==(const Message&) const = default;
};

Bytes encode(const Message& message);

struct Decoded {
  Message message;
  std::size_t size = 0;  // bytes of the buffer the frame took
};
// The first frame of `buffer`: nothing when the buffer holds only part of one; an error when it
// cannot be a QMUX frame (the connection is then beyond repair).
Result<std::optional<Decoded>> decode(ByteView buffer);

// The response to `request` with the given TLVs after the result TLV (0x02: status u16 0 or 1,
// QMI error u16). `qmi_error` 0 means success.
Message response_to(const Message& request, std::uint16_t qmi_error, std::vector<Tlv> tlvs = {});

// Value builders.
Bytes le16(std::uint16_t value);
Bytes u8_prefixed(ByteView bytes);
Bytes u16_prefixed(ByteView bytes);

}  // namespace lpad::test::qmux
