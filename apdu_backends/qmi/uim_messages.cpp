#include "apdu_backends/qmi/uim_messages.h"

#include <fmt/format.h>

#include <functional>

namespace lpad::apdu::qmi {
namespace {

// QMI result TLV status values.
constexpr std::uint16_t kResultSuccess = 0x0000;

std::string_view short_name(std::uint16_t message_id) {
  switch (message_id) {
    case kUimSendApdu: return "Send APDU";
    case kUimLogicalChannel: return "Logical Channel";
    case kUimOpenLogicalChannel: return "Open Logical Channel";
    default: return "message";
  }
}

// Appends one TLV; `fill` writes its value with qmi_message_tlv_write_*().
Result<void> add_tlv(QmiMessage* message, std::uint16_t message_id, std::uint8_t type,
                     const std::function<bool(GError**)>& fill) {
  ErrorSlot error;
  gsize start = qmi_message_tlv_write_init(message, type, error.out());
  if (start == 0 || !fill(error.out())) {
    if (start != 0) qmi_message_tlv_write_reset(message, start);
    return fail(Errc::apdu_protocol_error,
                fmt::format("{}: cannot write TLV 0x{:02X}: {}", command_name(message_id), type, error.message()));
  }
  if (!qmi_message_tlv_write_complete(message, start, error.out()))
    return fail(Errc::apdu_protocol_error,
                fmt::format("{}: cannot write TLV 0x{:02X}: {}", command_name(message_id), type, error.message()));
  return {};
}

Result<void> add_u8(QmiMessage* message, std::uint16_t message_id, std::uint8_t type, std::uint8_t value) {
  return add_tlv(message, message_id, type, [&](GError** error) { return qmi_message_tlv_write_guint8(message, value, error); });
}

bool write_bytes(QmiMessage* message, ByteView bytes, GError** error) {
  for (auto byte : bytes)
    if (!qmi_message_tlv_write_guint8(message, byte, error)) return false;
  return true;
}

QmiMessagePtr new_request(RequestHeader header, std::uint16_t message_id) {
  return QmiMessagePtr(qmi_message_new(QMI_SERVICE_UIM, header.client_id, header.transaction_id, message_id));
}

// Reads the fields of one TLV of a response in order.
class TlvReader {
 public:
  // The TLV, or nothing when the message has none of this type.
  static Result<std::optional<TlvReader>> find(QmiMessage* message, std::uint16_t message_id, std::uint8_t type) {
    ErrorSlot error;
    guint16 length = 0;
    gsize start = qmi_message_tlv_read_init(message, type, &length, error.out());
    if (start != 0) return std::optional<TlvReader>(TlvReader(message, message_id, type, start));
    if (error.matches(QMI_CORE_ERROR, QMI_CORE_ERROR_TLV_NOT_FOUND)) return std::optional<TlvReader>();
    return fail(Errc::apdu_protocol_error, fmt::format("{}: TLV 0x{:02X}: {}", command_name(message_id), type, error.message()));
  }
  static Result<TlvReader> require(QmiMessage* message, std::uint16_t message_id, std::uint8_t type) {
    auto found = find(message, message_id, type);
    if (!found) return unexpected(found.error());
    if (!*found)
      return fail(Errc::apdu_protocol_error,
                  fmt::format("{}: the response lacks TLV 0x{:02X}", command_name(message_id), type));
    return **found;
  }

  Result<std::uint8_t> u8() {
    ErrorSlot error;
    guint8 value = 0;
    if (!qmi_message_tlv_read_guint8(message_, start_, &offset_, &value, error.out())) return broken(error);
    return value;
  }
  Result<std::uint16_t> u16() {
    ErrorSlot error;
    guint16 value = 0;
    if (!qmi_message_tlv_read_guint16(message_, start_, &offset_, QMI_ENDIAN_LITTLE, &value, error.out()))
      return broken(error);
    return value;
  }
  Result<Bytes> bytes(std::size_t count) {
    Bytes out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      auto byte = u8();
      if (!byte) return unexpected(byte.error());
      out.push_back(*byte);
    }
    return out;
  }

 private:
  TlvReader(QmiMessage* message, std::uint16_t message_id, std::uint8_t type, gsize start)
      : message_(message), message_id_(message_id), type_(type), start_(start) {}

  unexpected<Error> broken(const ErrorSlot& error) const {
    return fail(Errc::apdu_protocol_error,
                fmt::format("{}: TLV 0x{:02X} is malformed: {}", command_name(message_id_), type_, error.message()));
  }

  QmiMessage* message_;
  std::uint16_t message_id_;
  std::uint8_t type_;
  gsize start_;
  gsize offset_ = 0;
};

Result<std::optional<StatusWord>> card_result(QmiMessage* response, std::uint16_t message_id) {
  auto tlv = TlvReader::find(response, message_id, kTlvCardResult);
  if (!tlv) return unexpected(tlv.error());
  if (!*tlv) return std::optional<StatusWord>();
  auto sw1 = (*tlv)->u8();
  if (!sw1) return unexpected(sw1.error());
  auto sw2 = (*tlv)->u8();
  if (!sw2) return unexpected(sw2.error());
  return std::optional<StatusWord>(StatusWord{static_cast<std::uint16_t>(*sw1 << 8 | *sw2)});
}

Errc errc_for_qmi_error(std::uint16_t message_id, std::uint16_t qmi_error, const std::optional<StatusWord>& status) {
  if (qmi_error == QMI_PROTOCOL_ERROR_NO_SIM) return Errc::apdu_card_removed;
  if (message_id == kUimOpenLogicalChannel &&
      (qmi_error == QMI_PROTOCOL_ERROR_INSUFFICIENT_RESOURCES || qmi_error == QMI_PROTOCOL_ERROR_SIM_FILE_NOT_FOUND ||
       (status && !status->ok())))
    return Errc::apdu_no_channel;
  return Errc::apdu_transport_failure;
}

// The message is the response to `message_id` and reports success; otherwise the error that
// names the command and the QMI error.
Result<void> check_response(QmiMessage* response, std::uint16_t message_id) {
  if (!response || !qmi_message_is_response(response) || qmi_message_get_service(response) != QMI_SERVICE_UIM ||
      qmi_message_get_message_id(response) != message_id)
    return fail(Errc::apdu_protocol_error, fmt::format("{}: the modem answered with another message", command_name(message_id)));
  auto result = TlvReader::require(response, message_id, kTlvResult);
  if (!result) return unexpected(result.error());
  auto status = result->u16();
  if (!status) return unexpected(status.error());
  auto qmi_error = result->u16();
  if (!qmi_error) return unexpected(qmi_error.error());
  if (*status == kResultSuccess) return {};

  auto card = card_result(response, message_id);
  std::optional<StatusWord> sw = card ? *card : std::nullopt;
  const char* name = qmi_protocol_error_get_string(static_cast<QmiProtocolError>(*qmi_error));
  Error error{errc_for_qmi_error(message_id, *qmi_error, sw),
              fmt::format("{}: QMI error {} ({})", command_name(message_id), name ? name : "unknown", *qmi_error)};
  error.status = sw;
  return unexpected(std::move(error));
}

}  // namespace

std::string command_name(std::uint16_t message_id) {
  return fmt::format("UIM {} (0x{:04X})", short_name(message_id), message_id);
}

Result<QmiMessagePtr> open_logical_channel_request(RequestHeader header, std::uint8_t slot, ByteView aid) {
  if (aid.empty() || aid.size() > kMaxAidSize)
    return fail(Errc::invalid_argument, fmt::format("{}: an AID has 1 to {} bytes, not {}", command_name(kUimOpenLogicalChannel),
                                                    kMaxAidSize, aid.size()));
  auto message = new_request(header, kUimOpenLogicalChannel);
  if (auto r = add_u8(message.get(), kUimOpenLogicalChannel, kTlvSlot, slot); !r) return unexpected(r.error());
  auto r = add_tlv(message.get(), kUimOpenLogicalChannel, kTlvOpenAid, [&](GError** error) {
    return qmi_message_tlv_write_guint8(message.get(), static_cast<guint8>(aid.size()), error) &&
           write_bytes(message.get(), aid, error);
  });
  if (!r) return unexpected(r.error());
  return message;
}

Result<QmiMessagePtr> send_apdu_request(RequestHeader header, std::uint8_t slot, std::uint8_t channel, ByteView apdu) {
  if (apdu.size() < 4 || apdu.size() > 0xFFFF)
    return fail(Errc::invalid_argument,
                fmt::format("{}: a command APDU of {} bytes", command_name(kUimSendApdu), apdu.size()));
  auto message = new_request(header, kUimSendApdu);
  if (auto r = add_u8(message.get(), kUimSendApdu, kTlvSlot, slot); !r) return unexpected(r.error());
  auto r = add_tlv(message.get(), kUimSendApdu, kTlvSendApduApdu, [&](GError** error) {
    return qmi_message_tlv_write_guint16(message.get(), QMI_ENDIAN_LITTLE, static_cast<guint16>(apdu.size()), error) &&
           write_bytes(message.get(), apdu, error);
  });
  if (!r) return unexpected(r.error());
  if (auto c = add_u8(message.get(), kUimSendApdu, kTlvSendApduChannel, channel); !c) return unexpected(c.error());
  return message;
}

Result<QmiMessagePtr> close_logical_channel_request(RequestHeader header, std::uint8_t slot, std::uint8_t channel) {
  auto message = new_request(header, kUimLogicalChannel);
  if (auto r = add_u8(message.get(), kUimLogicalChannel, kTlvSlot, slot); !r) return unexpected(r.error());
  if (auto r = add_u8(message.get(), kUimLogicalChannel, kTlvCloseChannel, channel); !r) return unexpected(r.error());
  return message;
}

Result<OpenedChannel> parse_open_logical_channel_response(QmiMessage* response) {
  if (auto ok = check_response(response, kUimOpenLogicalChannel); !ok) return unexpected(ok.error());
  OpenedChannel opened;
  auto channel_tlv = TlvReader::require(response, kUimOpenLogicalChannel, kTlvChannelId);
  if (!channel_tlv) return unexpected(channel_tlv.error());
  auto channel = channel_tlv->u8();
  if (!channel) return unexpected(channel.error());
  opened.channel = *channel;

  auto status = card_result(response, kUimOpenLogicalChannel);
  if (!status) return unexpected(status.error());
  opened.status = *status;

  auto select = TlvReader::find(response, kUimOpenLogicalChannel, kTlvSelectResponse);
  if (!select) return unexpected(select.error());
  if (*select) {
    auto length = (*select)->u8();
    if (!length) return unexpected(length.error());
    auto data = (*select)->bytes(*length);
    if (!data) return unexpected(data.error());
    opened.select_response = std::move(*data);
  }
  return opened;
}

Result<ResponseApdu> parse_send_apdu_response(QmiMessage* response) {
  if (auto ok = check_response(response, kUimSendApdu); !ok) return unexpected(ok.error());
  auto tlv = TlvReader::require(response, kUimSendApdu, kTlvApduResponse);
  if (!tlv) return unexpected(tlv.error());
  auto length = tlv->u16();
  if (!length) return unexpected(length.error());
  if (*length < 2)
    return fail(Errc::apdu_protocol_error,
                fmt::format("{}: a response APDU of {} bytes, without a status word", command_name(kUimSendApdu), *length));
  auto apdu = tlv->bytes(*length);
  if (!apdu) return unexpected(apdu.error());
  auto sw = static_cast<std::uint16_t>(apdu->at(apdu->size() - 2) << 8 | apdu->back());
  apdu->resize(apdu->size() - 2);
  return ResponseApdu{std::move(*apdu), StatusWord{sw}};
}

Result<void> parse_close_logical_channel_response(QmiMessage* response) {
  return check_response(response, kUimLogicalChannel);
}

}  // namespace lpad::apdu::qmi
