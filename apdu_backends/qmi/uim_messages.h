// The three QMI UIM messages an LPA needs, built and read with libqmi's generic message API:
// libqmi 1.32 (Debian 12) has no typed API for them (they arrived in libqmi 1.36). Pure: no I/O.
// Layouts from the QMI UIM service definition as libqmi's data/qmi-service-uim.json describes it;
// every multi-byte field is little-endian, as everywhere in QMI.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "apdu_backends/qmi/glib_handles.h"
#include "apdu_backends/transport.h"
#include "core/bytes.h"
#include "core/error.h"
#include "core/status_word.h"

namespace lpad::apdu::qmi {

// QMI UIM message IDs (service 0x0B).
inline constexpr std::uint16_t kUimSendApdu = 0x003B;           // "Send APDU"
inline constexpr std::uint16_t kUimLogicalChannel = 0x003F;     // "Logical Channel": we use it to close
inline constexpr std::uint16_t kUimOpenLogicalChannel = 0x0042; // "Open Logical Channel"

// TLV types. Requests:
inline constexpr std::uint8_t kTlvSlot = 0x01;              // guint8, 1-based physical slot
inline constexpr std::uint8_t kTlvSendApduApdu = 0x02;      // guint16 length + command APDU
inline constexpr std::uint8_t kTlvSendApduChannel = 0x10;   // guint8
inline constexpr std::uint8_t kTlvOpenAid = 0x10;           // guint8 length + AID
inline constexpr std::uint8_t kTlvCloseChannel = 0x11;      // guint8 (Logical Channel's "Channel ID")
// Responses:
inline constexpr std::uint8_t kTlvResult = 0x02;            // guint16 status (0 ok, 1 failure), guint16 QMI error
inline constexpr std::uint8_t kTlvApduResponse = 0x10;      // guint16 length + response APDU (data, SW1, SW2)
inline constexpr std::uint8_t kTlvChannelId = 0x10;         // guint8
inline constexpr std::uint8_t kTlvCardResult = 0x11;        // SW1, SW2
inline constexpr std::uint8_t kTlvSelectResponse = 0x12;    // guint8 length + SELECT response data

// QMI limits a length-prefixed AID to 255 bytes by format; ISO 7816-5 AIDs have 5 to 16.
inline constexpr std::size_t kMaxAidSize = 16;

struct RequestHeader {
  std::uint8_t client_id;
  std::uint16_t transaction_id;
};

Result<QmiMessagePtr> open_logical_channel_request(RequestHeader header, std::uint8_t slot, ByteView aid);
Result<QmiMessagePtr> send_apdu_request(RequestHeader header, std::uint8_t slot, std::uint8_t channel, ByteView apdu);
Result<QmiMessagePtr> close_logical_channel_request(RequestHeader header, std::uint8_t slot, std::uint8_t channel);

struct OpenedChannel {
  std::uint8_t channel = 0;
  std::optional<StatusWord> status;  // the card's answer to the SELECT, where the modem reports it
  Bytes select_response;
};

// Each parser checks the message is the response to its command, then the result TLV: a QMI
// failure becomes an error naming the command and the QMI error ("UIM Send APDU (0x003B): QMI
// error InvalidArgument (48)") with the card's status word where the modem gave one.
Result<OpenedChannel> parse_open_logical_channel_response(QmiMessage* response);
Result<ResponseApdu> parse_send_apdu_response(QmiMessage* response);
Result<void> parse_close_logical_channel_response(QmiMessage* response);

// "UIM Send APDU (0x003B)", for messages.
std::string command_name(std::uint16_t message_id);

}  // namespace lpad::apdu::qmi
