#include "qmux_codec.h"

#include <fmt/format.h>

namespace lpad::test::qmux {
namespace {

constexpr std::size_t kQmuxHeaderSize = 6;  // I/F type, length (2), flags, service, client
constexpr std::size_t kCtlSduHeaderSize = 6;
constexpr std::size_t kServiceSduHeaderSize = 7;
constexpr std::uint8_t kResultTlv = 0x02;

std::uint16_t read_le16(ByteView bytes, std::size_t at) {
  return static_cast<std::uint16_t>(bytes[at] | bytes[at + 1] << 8);
}

void append_le16(Bytes& out, std::uint16_t value) {
  out.push_back(static_cast<std::uint8_t>(value & 0xFF));
  out.push_back(static_cast<std::uint8_t>(value >> 8));
}

std::uint8_t sdu_flags(const Message& m) {
  bool ctl = m.service == kServiceCtl;
  switch (m.kind) {
    case Kind::request: return 0x00;
    case Kind::response: return ctl ? 0x01 : 0x02;
    case Kind::indication: return ctl ? 0x02 : 0x04;
  }
  return 0x00;
}

Result<Kind> kind_of(std::uint8_t service, std::uint8_t flags) {
  bool ctl = service == kServiceCtl;
  if (flags == 0x00) return Kind::request;
  if (flags == (ctl ? 0x01 : 0x02)) return Kind::response;
  if (flags == (ctl ? 0x02 : 0x04)) return Kind::indication;
  return fail(Errc::apdu_protocol_error, fmt::format("QMUX: SDU flags {:02X}", flags));
}

}  // namespace

const Tlv* Message::find(std::uint8_t type) const {
  for (const auto& tlv : tlvs)
    if (tlv.type == type) return &tlv;
  return nullptr;
}

Bytes encode(const Message& message) {
  Bytes tlvs;
  for (const auto& tlv : message.tlvs) {
    tlvs.push_back(tlv.type);
    append_le16(tlvs, static_cast<std::uint16_t>(tlv.value.size()));
    tlvs.insert(tlvs.end(), tlv.value.begin(), tlv.value.end());
  }
  bool ctl = message.service == kServiceCtl;
  std::size_t sdu_size = (ctl ? kCtlSduHeaderSize : kServiceSduHeaderSize) + tlvs.size();

  Bytes out;
  out.push_back(kInterfaceType);
  append_le16(out, static_cast<std::uint16_t>(kQmuxHeaderSize - 1 + sdu_size));
  out.push_back(message.from_modem ? kFromModem : kFromHost);
  out.push_back(message.service);
  out.push_back(message.client_id);
  out.push_back(sdu_flags(message));
  if (ctl)
    out.push_back(static_cast<std::uint8_t>(message.transaction_id));
  else
    append_le16(out, message.transaction_id);
  append_le16(out, message.message_id);
  append_le16(out, static_cast<std::uint16_t>(tlvs.size()));
  out.insert(out.end(), tlvs.begin(), tlvs.end());
  return out;
}

Result<std::optional<Decoded>> decode(ByteView buffer) {
  if (buffer.empty()) return std::optional<Decoded>();
  if (buffer[0] != kInterfaceType)
    return fail(Errc::apdu_protocol_error, fmt::format("QMUX: I/F type {:02X}, not 01", buffer[0]));
  if (buffer.size() < 3) return std::optional<Decoded>();
  std::size_t frame_size = 1 + std::size_t{read_le16(buffer, 1)};
  if (frame_size < kQmuxHeaderSize)
    return fail(Errc::apdu_protocol_error, fmt::format("QMUX: length {} is shorter than the header", frame_size - 1));
  if (buffer.size() < frame_size) return std::optional<Decoded>();
  ByteView frame = buffer.first(frame_size);

  Message m;
  std::uint8_t control = frame[3];
  if (control != kFromHost && control != kFromModem)
    return fail(Errc::apdu_protocol_error, fmt::format("QMUX: control flags {:02X}", control));
  m.from_modem = control == kFromModem;
  m.service = frame[4];
  m.client_id = frame[5];
  bool ctl = m.service == kServiceCtl;
  std::size_t sdu_header = ctl ? kCtlSduHeaderSize : kServiceSduHeaderSize;
  if (frame_size < kQmuxHeaderSize + sdu_header) return fail(Errc::apdu_protocol_error, "QMUX: SDU header truncated");

  std::size_t at = kQmuxHeaderSize;
  auto kind = kind_of(m.service, frame[at++]);
  if (!kind) return unexpected(kind.error());
  m.kind = *kind;
  if (ctl) {
    m.transaction_id = frame[at++];
  } else {
    m.transaction_id = read_le16(frame, at);
    at += 2;
  }
  m.message_id = read_le16(frame, at);
  at += 2;
  std::size_t tlv_size = read_le16(frame, at);
  at += 2;
  if (at + tlv_size != frame_size)
    return fail(Errc::apdu_protocol_error,
                fmt::format("QMUX: TLV length {} does not fill the frame ({} bytes left)", tlv_size, frame_size - at));
  while (at < frame_size) {
    if (frame_size - at < 3) return fail_at(Errc::apdu_protocol_error, at, "QMUX: TLV header truncated");
    Tlv tlv;
    tlv.type = frame[at];
    std::size_t length = read_le16(frame, at + 1);
    at += 3;
    if (frame_size - at < length) return fail_at(Errc::apdu_protocol_error, at, "QMUX: TLV value truncated");
    tlv.value.assign(frame.begin() + static_cast<std::ptrdiff_t>(at), frame.begin() + static_cast<std::ptrdiff_t>(at + length));
    at += length;
    m.tlvs.push_back(std::move(tlv));
  }
  return std::optional<Decoded>(Decoded{std::move(m), frame_size});
}

Message response_to(const Message& request, std::uint16_t qmi_error, std::vector<Tlv> tlvs) {
  Message response;
  response.service = request.service;
  response.client_id = request.client_id;
  response.from_modem = true;
  response.kind = Kind::response;
  response.transaction_id = request.transaction_id;
  response.message_id = request.message_id;
  Bytes result = le16(qmi_error == 0 ? 0 : 1);
  auto error = le16(qmi_error);
  result.insert(result.end(), error.begin(), error.end());
  response.tlvs.push_back({kResultTlv, std::move(result)});
  for (auto& tlv : tlvs) response.tlvs.push_back(std::move(tlv));
  return response;
}

Bytes le16(std::uint16_t value) {
  Bytes out;
  append_le16(out, value);
  return out;
}

Bytes u8_prefixed(ByteView bytes) {
  Bytes out{static_cast<std::uint8_t>(bytes.size())};
  out.insert(out.end(), bytes.begin(), bytes.end());
  return out;
}

Bytes u16_prefixed(ByteView bytes) {
  Bytes out = le16(static_cast<std::uint16_t>(bytes.size()));
  out.insert(out.end(), bytes.begin(), bytes.end());
  return out;
}

}  // namespace lpad::test::qmux
