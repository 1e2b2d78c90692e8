#include "apdu_backends/at/at_response_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace lpad::apdu::at {

namespace {

// ITU-T V.250 section 5.7.2 final result codes in verbose form, and the vendor spellings seen in
// the field. NO CARRIER, BUSY and friends end only dial commands, which we never send.
constexpr std::string_view kOk = "OK";
constexpr std::string_view kErrorFinals[] = {"ERROR", "COMMAND NOT SUPPORT", "TOO MANY PARAMETERS"};
constexpr std::string_view kCmeError = "+CME ERROR:";
constexpr std::string_view kCmsError = "+CMS ERROR:";
// Unsolicited result codes without a '+' or '^' in front (V.250 6.3.4, modem boot messages).
constexpr std::string_view kBareUnsolicited[] = {"RING", "NO CARRIER", "BUSY", "NO ANSWER", "NO DIALTONE", "RDY",
                                                 "POWERED DOWN", "SMS DONE", "PB DONE"};

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(text[i])) != std::toupper(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<unsigned> parse_unsigned(std::string_view text) {
  text = trim(text);
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string_view unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return s.substr(1, s.size() - 2);
  return s;
}

}  // namespace

std::string_view cme_error_meaning(int code) {
  switch (code) {
    case 0: return "phone failure";
    case 3: return "operation not allowed";
    case 4: return "operation not supported";
    case 10: return "SIM not inserted";
    case 11: return "SIM PIN required";
    case 12: return "SIM PUK required";
    case 13: return "SIM failure";
    case 14: return "SIM busy";
    case 15: return "SIM wrong";
    case 21: return "invalid index";
    case 50: return "incorrect parameters";
    case 100: return "unknown";
    default: return {};
  }
}

std::string AtAnswer::describe_final() const {
  if (final_result != FinalResult::equipment_error || error_text.empty() || !error_code) return final_line;
  return fmt::format("{} ({})", final_line, error_text);
}

bool AtResponseParser::feed(std::string_view bytes) {
  pending_.append(bytes);
  if (complete_) return true;
  // V.250 section 5.7.1: lines end with S3 S4 (CR LF); echoes end with CR alone. Either ends one.
  std::size_t start = 0;
  while (!complete_) {
    auto end = pending_.find_first_of("\r\n", start);
    if (end == std::string::npos) break;
    take_line(std::string_view(pending_).substr(start, end - start));
    start = end + 1;
  }
  if (complete_) start = pending_.find_first_not_of("\r\n", start);  // the rest of the final's line end
  pending_.erase(0, start);
  return complete_;
}

void AtResponseParser::take_line(std::string_view raw) {
  auto line = trim(raw);
  if (line.empty()) return;
  // The echo of our command line (V.250 6.2.4), whole or cut where the modem's buffer overflowed.
  if (starts_with_nocase(line, "AT")) return;

  if (line == kOk) {
    answer_.final_result = FinalResult::ok;
    answer_.final_line = std::string(line);
    complete_ = true;
    return;
  }
  for (auto final_error : kErrorFinals) {
    if (line == final_error) {
      answer_.final_result = FinalResult::error;
      answer_.final_line = std::string(line);
      complete_ = true;
      return;
    }
  }
  for (auto prefix : {kCmeError, kCmsError}) {
    if (starts_with_nocase(line, prefix)) {
      answer_.final_result = FinalResult::equipment_error;
      answer_.final_line = std::string(line);
      auto detail = unquote(line.substr(prefix.size()));
      if (auto code = parse_unsigned(detail)) {
        answer_.error_code = static_cast<int>(*code);
        if (prefix == kCmeError) answer_.error_text = std::string(cme_error_meaning(answer_.error_code.value()));
      } else {
        answer_.error_text = std::string(detail);  // AT+CMEE=2: the modem's own words
      }
      complete_ = true;
      return;
    }
  }

  bool prefixed = line.front() == '+' || line.front() == '^';
  if (prefixed && !(information_prefix_.size() > 0 && starts_with_nocase(line, information_prefix_))) {
    answer_.unsolicited.emplace_back(line);
    return;
  }
  if (std::find(std::begin(kBareUnsolicited), std::end(kBareUnsolicited), line) != std::end(kBareUnsolicited)) {
    answer_.unsolicited.emplace_back(line);
    return;
  }
  answer_.information.emplace_back(line);
}

Result<unsigned> parse_open_channel_answer(const AtAnswer& answer) {
  constexpr std::string_view kPrefix = "+CCHO:";
  for (const auto& line : answer.information) {
    std::string_view text = line;
    if (starts_with_nocase(text, kPrefix)) text.remove_prefix(kPrefix.size());
    if (auto session = parse_unsigned(unquote(text))) return *session;
  }
  return fail(Errc::apdu_protocol_error, fmt::format("AT+CCHO answered {} lines but no session number",
                                                     answer.information.size()));
}

Result<ResponseApdu> parse_apdu_answer(const AtAnswer& answer, std::string_view prefix) {
  for (const auto& line : answer.information) {
    std::string_view text = line;
    if (!starts_with_nocase(text, prefix)) continue;
    text.remove_prefix(prefix.size());
    auto comma = text.find(',');
    if (comma == std::string_view::npos)
      return fail(Errc::apdu_protocol_error, fmt::format("{} answer without a comma between length and response", prefix));
    auto length = parse_unsigned(text.substr(0, comma));
    auto hex = unquote(text.substr(comma + 1));
    if (!length || *length != hex.size())
      return fail(Errc::apdu_protocol_error,
                  fmt::format("{} announces {} hex characters but carries {}", prefix, trim(text.substr(0, comma)),
                              hex.size()));
    auto bytes = from_hex(hex);
    if (!bytes) return fail(Errc::apdu_protocol_error, fmt::format("{} response is not hex: {}", prefix, bytes.error().message));
    if (bytes->size() < 2)
      return fail(Errc::apdu_protocol_error, fmt::format("{} response has no status word", prefix));
    StatusWord status{static_cast<std::uint16_t>((*bytes)[bytes->size() - 2] << 8 | bytes->back())};
    bytes->resize(bytes->size() - 2);
    return ResponseApdu{std::move(*bytes), status};
  }
  return fail(Errc::apdu_protocol_error, fmt::format("the modem answered OK without a {} line", prefix));
}

}  // namespace lpad::apdu::at
