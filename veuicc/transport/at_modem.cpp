#include "veuicc/transport/at_modem.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <thread>
#include <vector>

#include "veuicc/card/class_byte.h"

namespace lpad::veuicc {
namespace {

// ITU-T V.250 section 5.2.1 and 5.7.1: S3 ends a command line, S4 follows S3 in responses.
constexpr char kCr = '\r';
constexpr char kLf = '\n';
constexpr std::string_view kCrLf = "\r\n";

// ISO/IEC 7816-4 sections 11.1.2, 11.2.2, 11.1.3: what the modem itself sends to the card.
constexpr std::uint8_t kInsManageChannel = 0x70;
constexpr std::uint8_t kInsSelect = 0xA4;
constexpr std::uint8_t kInsGetResponse = 0xC0;
constexpr std::uint8_t kSw1BytesRemaining = 0x61;
constexpr std::size_t kMaxAidSize = 16;

// Unsolicited result codes real modems slip between responses (3GPP TS 27.007 7.2, V.250 6.3).
constexpr std::string_view kUrcs[] = {"+CREG: 1", "RING"};

std::string framed(std::string_view text) { return std::string(kCrLf) + std::string(text) + std::string(kCrLf); }

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Comma-separated arguments; double quotes are removed, commas inside them kept.
std::vector<std::string> split_args(std::string_view args) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char c : args) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::optional<unsigned> parse_number(std::string_view text) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::uint16_t status_of(const Bytes& response) {
  return static_cast<std::uint16_t>(response[response.size() - 2] << 8 | response[response.size() - 1]);
}

}  // namespace

AtModem::AtModem(CardContacts& card, AtModemOptions options, Writer write)
    : card_(card), options_(std::move(options)), write_(std::move(write)), echo_(options_.echo) {
  card_.power_on();
}

void AtModem::feed(std::string_view input) {
  for (char c : input) {
    if (echo_) write_(std::string_view(&c, 1));
    if (c == kCr) {
      end_of_line();
      continue;
    }
    if (c == kLf || discarding_) continue;
    line_ += c;
    if (options_.max_line_length != 0 && line_.size() > options_.max_line_length) {
      // A modem whose line buffer overflows says ERROR at once and drops the rest of the line.
      line_.clear();
      discarding_ = true;
      write_final(Reply{{}, framed("ERROR")});
    }
  }
}

void AtModem::end_of_line() {
  std::string line = std::move(line_);
  line_.clear();
  if (discarding_) {
    discarding_ = false;
    return;
  }
  // V.250 section 5.2.1: characters before "AT" are ignored; a line without it is no command.
  auto text = upper(line);
  auto at = text.find("AT");
  if (at == std::string::npos) return;
  auto reply = execute(std::string_view(text).substr(at + 2));
  if (options_.answer_delay.count() > 0) std::this_thread::sleep_for(options_.answer_delay);
  write_final(reply);
}

void AtModem::write_final(const Reply& reply) {
  write_(reply.text + reply.final_result);
  ++final_results_;
  if (options_.urc_every != 0 && final_results_ % options_.urc_every == 0) {
    auto urc = kUrcs[(final_results_ / options_.urc_every - 1) % std::size(kUrcs)];
    write_(framed(urc));
  }
}

AtModem::Reply AtModem::error(int cme_code) const {
  if (cmee_ == 0) return Reply{{}, framed("ERROR")};
  return Reply{{}, framed("+CME ERROR: " + std::to_string(cme_code))};
}

AtModem::Reply AtModem::execute(std::string_view command) {
  const Reply ok{{}, framed("OK")};
  const Reply plain_error{{}, framed("ERROR")};

  if (command.empty()) return ok;
  if (command == "E0" || command == "E1" || command == "E") {
    echo_ = command == "E1";
    return ok;
  }
  if (command == "I") return Reply{framed("lpad software eUICC modem"), framed("OK")};
  if (command.starts_with("+CMEE=")) {
    auto mode = parse_number(command.substr(6));
    if (!mode || *mode > 2) return plain_error;
    cmee_ = static_cast<int>(*mode);
    return ok;
  }
  if (command == "+CGSN") return Reply{framed(options_.imei), framed("OK")};
  if (command == "+CPIN?") {
    if (!card_.present()) return error(cme::kSimNotInserted);
    return Reply{framed("+CPIN: READY"), framed("OK")};
  }
  for (std::string_view test : {"+CSIM=?", "+CCHO=?", "+CGLA=?", "+CCHC=?"})
    if (command == test) return ok;
  if (command.starts_with("+CSIM=")) return csim(command.substr(6));
  if (command.starts_with("+CCHO=")) return ccho(command.substr(6));
  if (command.starts_with("+CGLA=")) return cgla(command.substr(6));
  if (command.starts_with("+CCHC=")) return cchc(command.substr(6));
  return plain_error;
}

std::optional<Bytes> AtModem::exchange(Bytes apdu, bool fetch_get_response) {
  auto response = card_.transmit(apdu);
  if (!response || response->size() < 2) return std::nullopt;
  if (!fetch_get_response) return response;

  auto cla = decode_class_byte(apdu[0]);
  std::uint8_t channel = cla ? cla->channel : 0;
  Bytes collected;
  while (response->size() >= 2 && (*response)[response->size() - 2] == kSw1BytesRemaining) {
    collected.insert(collected.end(), response->begin(), response->end() - 2);
    Bytes get_response{encode_class_byte(channel, false), kInsGetResponse, 0x00, 0x00, response->back()};
    response = card_.transmit(get_response);
    if (!response || response->size() < 2) return std::nullopt;
  }
  collected.insert(collected.end(), response->begin(), response->end());
  return collected;
}

AtModem::Reply AtModem::csim(std::string_view args) {
  auto parts = split_args(args);
  if (parts.size() != 2) return error(cme::kIncorrectParameters);
  auto length = parse_number(parts[0]);
  auto apdu = from_hex(parts[1]);
  if (!length || *length != parts[1].size() || !apdu || apdu->size() < 4) return error(cme::kIncorrectParameters);
  if (!card_.present()) return error(cme::kSimNotInserted);
  auto response = exchange(std::move(*apdu), options_.get_response_for_csim);
  if (!response) return error(cme::kSimFailure);
  auto hex = to_hex(*response);
  return Reply{framed("+CSIM: " + std::to_string(hex.size()) + ",\"" + hex + "\""), framed("OK")};
}

AtModem::Reply AtModem::ccho(std::string_view args) {
  auto parts = split_args(args);
  auto aid = parts.size() == 1 ? from_hex(parts[0]) : Result<Bytes>(fail(Errc::invalid_argument, "arguments"));
  if (!aid || aid->empty() || aid->size() > kMaxAidSize) return error(cme::kIncorrectParameters);
  if (!card_.present()) return error(cme::kSimNotInserted);

  auto opened = exchange(Bytes{0x00, kInsManageChannel, 0x00, 0x00, 0x01}, false);
  if (!opened) return error(cme::kSimFailure);
  if (opened->size() != 3 || status_of(*opened) != 0x9000) return error(cme::kOperationNotSupported);
  std::uint8_t channel = (*opened)[0];

  Bytes select{encode_class_byte(channel, false), kInsSelect, 0x04, 0x00, static_cast<std::uint8_t>(aid->size())};
  select.insert(select.end(), aid->begin(), aid->end());
  auto selected = exchange(std::move(select), true);
  if (!selected || status_of(*selected) != 0x9000) {
    exchange(Bytes{0x00, kInsManageChannel, 0x80, channel}, false);
    return selected ? error(cme::kOperationNotSupported) : error(cme::kSimFailure);
  }
  sessions_.insert(channel);
  auto number = std::to_string(channel);
  return Reply{framed(options_.ccho_bare_number ? number : "+CCHO: " + number), framed("OK")};
}

AtModem::Reply AtModem::cgla(std::string_view args) {
  auto parts = split_args(args);
  if (parts.size() != 3) return error(cme::kIncorrectParameters);
  auto session = parse_number(parts[0]);
  auto length = parse_number(parts[1]);
  auto apdu = from_hex(parts[2]);
  if (!session || !sessions_.contains(static_cast<std::uint8_t>(*session)) || !length ||
      *length != parts[2].size() || !apdu || apdu->size() < 4)
    return error(cme::kIncorrectParameters);
  if (!card_.present()) return error(cme::kSimNotInserted);
  // The modem owns the channel: it puts the session's channel number into the class byte.
  (*apdu)[0] = with_channel((*apdu)[0], static_cast<std::uint8_t>(*session));
  auto response = exchange(std::move(*apdu), options_.get_response_for_cgla);
  if (!response) return error(cme::kSimFailure);
  auto hex = to_hex(*response);
  return Reply{framed("+CGLA: " + std::to_string(hex.size()) + ",\"" + hex + "\""), framed("OK")};
}

AtModem::Reply AtModem::cchc(std::string_view args) {
  auto session = parse_number(args);
  if (!session || !sessions_.contains(static_cast<std::uint8_t>(*session))) return error(cme::kIncorrectParameters);
  auto channel = static_cast<std::uint8_t>(*session);
  sessions_.erase(channel);
  if (!card_.present()) return error(cme::kSimNotInserted);
  auto closed = exchange(Bytes{0x00, kInsManageChannel, 0x80, channel}, false);
  if (!closed) return error(cme::kSimFailure);
  if (status_of(*closed) != 0x9000) return error(cme::kOperationNotSupported);
  return Reply{{}, framed("OK")};
}

}  // namespace lpad::veuicc
