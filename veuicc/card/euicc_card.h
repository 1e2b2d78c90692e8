// The card OS of the software eUICC: power and reset, logical channels, SELECT of the ISD-R and
// ECASD, TERMINAL CAPABILITY, STORE DATA chaining into ES10 commands, and GET RESPONSE. Status
// words follow ISO/IEC 7816-4, ETSI TS 102 221 and SGP.22 as real eUICCs return them.
// Not thread-safe: one transport drives one card.
#pragma once

#include <vector>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/bytes.h"
#include "veuicc/card/card_contacts.h"
#include "veuicc/card/class_byte.h"
#include "veuicc/card/command_apdu.h"
#include "veuicc/card/es10_application.h"
#include "veuicc/card/response_queue.h"
#include "veuicc/card/store_data_assembler.h"

namespace lpad::veuicc {

struct CardOptions {
  bool extended_length = false;    // accept extended Lc/Le and answer up to 65536 bytes at once
  bool offer_t1 = false;           // the ATR offers T=1 besides T=0
  std::uint8_t logical_channels = 4;  // the basic channel and three more; at most 20
  // SGP.22 commands reach a few kilobytes; a BPP segment of a large profile more than 64 KiB.
  std::size_t max_es10_command_size = 256 * 1024;
  // The largest data field of one response. vpcd frames carry at most 65535 bytes, so the vpcd
  // link asks for 65533 and a 65536-byte Le gets that much and 61xx for the rest.
  std::size_t max_response_data = 65536;
};

class EuiccCard final : public CardContacts {
 public:
  // `application` must outlive the card.
  EuiccCard(Es10Application& application, CardOptions options);

  bool present() const override { return true; }
  std::optional<Bytes> atr() const override;
  void power_on() override;
  void power_off() override;
  void reset() override;
  std::optional<Bytes> transmit(ByteView command) override;

  bool powered() const { return powered_; }
  const CardOptions& options() const { return options_; }

 private:
  enum class Selected : std::uint8_t { none, isd_r, ecasd };

  struct Channel {
    bool open = false;
    Selected selected = Selected::none;
    StoreDataAssembler store_data;
    ResponseQueue responses;
    explicit Channel(std::size_t max_command_size) : store_data(max_command_size) {}
  };

  void drop_session_state();
  Bytes dispatch(const CommandApdu& cmd, const ClassByte& cla);
  Bytes manage_channel(const CommandApdu& cmd, const ClassByte& cla);
  Bytes select(const CommandApdu& cmd, Channel& channel);
  Bytes get_response(const CommandApdu& cmd, Channel& channel);
  Bytes store_data(const CommandApdu& cmd, std::uint8_t channel_number, Channel& channel);
  Bytes terminal_capability(const CommandApdu& cmd);
  // Response data for a command: sent at once up to Ne, the rest (or all, without Le) via 61xx.
  Bytes respond(Channel& channel, Bytes data, std::optional<std::size_t> ne);

  Es10Application& application_;
  CardOptions options_;
  std::vector<Channel> channels_;
  bool powered_ = false;
};

}  // namespace lpad::veuicc
