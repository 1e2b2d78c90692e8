// The AT side of a cellular modem with a SIM slot, as far as an LPA uses it: 3GPP TS 27.007
// AT+CSIM (raw APDUs), AT+CCHO / AT+CGLA / AT+CCHC (logical channels the modem opens and
// selects), AT+CGSN, AT+CPIN?, AT+CMEE and V.250 basics (AT, ATE0/ATE1, ATI). Quirks of real
// modems are switchable so that hosts can be tested against them. No I/O of its own: input bytes
// go in through feed(), everything the modem says goes out through the writer.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "veuicc/card/card_contacts.h"

namespace lpad::veuicc {

struct AtModemOptions {
  bool echo = false;                  // quirk: echo on from the start (ATE0 still turns it off)
  bool ccho_bare_number = false;      // quirk: AT+CCHO answers "<n>" instead of "+CCHO: <n>"
  std::size_t urc_every = 0;          // quirk: after every Nth final result, "+CREG: 1" or "RING"
  std::chrono::milliseconds answer_delay{0};  // quirk: slow answers (the echo is not delayed)
  std::size_t max_line_length = 0;    // quirk: ERROR as soon as a line passes this; 0 = no limit
  bool get_response_for_cgla = true;  // the modem fetches 61xx pieces itself for AT+CGLA
  bool get_response_for_csim = false; // ... and for AT+CSIM
  std::string imei = "356938035643809";
};

// 3GPP TS 27.007 section 9.2.1: +CME ERROR codes this modem uses.
namespace cme {
inline constexpr int kOperationNotSupported = 4;  // the card refused (no channel free, unknown AID)
inline constexpr int kSimNotInserted = 10;
inline constexpr int kSimFailure = 13;            // the card stayed mute
inline constexpr int kIncorrectParameters = 50;   // malformed arguments, unknown session
}  // namespace cme

class AtModem {
 public:
  using Writer = std::function<void(std::string_view)>;

  // Powers the card on, as a modem does when it starts with a SIM in its slot.
  AtModem(CardContacts& card, AtModemOptions options, Writer write);

  void feed(std::string_view input);

  bool echo() const { return echo_; }
  const std::set<std::uint8_t>& sessions() const { return sessions_; }

 private:
  struct Reply {
    std::string text;  // information text lines, each already framed
    std::string final_result;
  };

  void end_of_line();
  Reply execute(std::string_view command);
  Reply csim(std::string_view args);
  Reply ccho(std::string_view args);
  Reply cgla(std::string_view args);
  Reply cchc(std::string_view args);
  Reply error(int cme_code) const;
  // Sends one APDU, following 61xx with GET RESPONSE when asked to; nothing if the card is mute.
  std::optional<Bytes> exchange(Bytes apdu, bool fetch_get_response);
  void write_final(const Reply& reply);

  CardContacts& card_;
  AtModemOptions options_;
  Writer write_;
  bool echo_;
  int cmee_ = 1;  // numeric +CME ERROR
  std::string line_;
  bool discarding_ = false;  // the rest of an over-long line
  std::set<std::uint8_t> sessions_;
  std::size_t final_results_ = 0;
};

}  // namespace lpad::veuicc
