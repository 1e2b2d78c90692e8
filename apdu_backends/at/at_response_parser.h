// Reading what a modem says after an AT command (ITU-T V.250 section 5.7, 3GPP TS 27.007),
// with the habits of real modems: the command echoed back, unsolicited result codes (+CREG:,
// RING, ^MODE:) between or inside answers, answers split across reads, "+CCHO: 1" or a bare "1",
// OK, ERROR, "+CME ERROR: 10" or "+CME ERROR: SIM not inserted". Pure text in, structure out:
// no I/O, tested offline.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apdu_backends/transport.h"

namespace lpad::apdu::at {

enum class FinalResult {
  ok,
  error,            // plain ERROR (V.250), or COMMAND NOT SUPPORT as some modems say it
  equipment_error,  // +CME ERROR (27.007 section 9.2) or +CMS ERROR (27.005 section 3.2.5)
};

struct AtAnswer {
  std::vector<std::string> information;  // the command's own lines, in order
  std::vector<std::string> unsolicited;  // unsolicited result codes that arrived meanwhile
  FinalResult final_result = FinalResult::ok;
  std::string final_line;           // "OK", "ERROR", "+CME ERROR: 10"
  std::optional<int> error_code;    // the number of +CME ERROR: <n>
  std::string error_text;           // its meaning: the modem's own words or 27.007's

  bool ok() const { return final_result == FinalResult::ok; }
  // "ERROR", "+CME ERROR: 10 (SIM not inserted)"
  std::string describe_final() const;
};

// 3GPP TS 27.007 section 9.2.1: the meaning of a +CME ERROR code; empty for codes not listed.
std::string_view cme_error_meaning(int code);

// 3GPP TS 27.007 section 9.2.1: +CME ERROR: 10.
inline constexpr int kCmeSimNotInserted = 10;

class AtResponseParser {
 public:
  // `information_prefix` is how this command's information lines start ("+CGLA:"); other lines
  // that start with '+' or '^' are unsolicited result codes. Empty: every such line is one.
  explicit AtResponseParser(std::string information_prefix = {})
      : information_prefix_(std::move(information_prefix)) {}

  // Takes bytes as they arrive; true once the final result code is in. Bytes after it are kept
  // in leftover() and not parsed.
  bool feed(std::string_view bytes);
  bool complete() const { return complete_; }
  const AtAnswer& answer() const { return answer_; }
  std::string_view leftover() const { return complete_ ? std::string_view(pending_) : std::string_view{}; }

 private:
  void take_line(std::string_view line);

  std::string information_prefix_;
  std::string pending_;
  AtAnswer answer_;
  bool complete_ = false;
};

// The session number of AT+CCHO (27.007 section 8.45): "+CCHO: <n>" or a bare "<n>".
Result<unsigned> parse_open_channel_answer(const AtAnswer& answer);

// The response APDU of AT+CGLA or AT+CSIM (27.007 sections 8.43, 8.17): "<prefix> <length>,"<hex>"",
// where length counts hex characters. `prefix` is "+CGLA:" or "+CSIM:".
Result<ResponseApdu> parse_apdu_answer(const AtAnswer& answer, std::string_view prefix);

}  // namespace lpad::apdu::at
