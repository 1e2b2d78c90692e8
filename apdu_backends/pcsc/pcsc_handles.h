// pcsc-lite's two handles with owners: the context (a connection to pcscd) and the card handle
// (a connection to the card in one reader). Moving transfers ownership; the destructor releases.
// Also the translation of PC/SC return codes into lpad errors, in one place. Every call has a
// time limit (time_limited_call.h): a handle whose call overstayed is abandoned, not released.
#pragma once

#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"

namespace lpad::apdu::pcsc {

// "Card was removed. (0x80100069)", from pcsc_stringify_error.
std::string pcsc_error_text(LONG rc);

// The error for a failed PC/SC call: card or reader gone -> apdu_card_removed, SCARD_E_TIMEOUT
// -> apdu_timeout, anything else -> apdu_transport_failure. `what` names the transport and the
// command ("pcsc:Reader 00 00: STORE DATA (INS E2)").
Error pcsc_error(std::string_view what, LONG rc);

// apdu_timeout for a call that did not return within `limit`.
Error pcsc_no_answer(std::string_view what, std::chrono::milliseconds limit);

// Where libpcsclite looks for pcscd: $PCSCLITE_CSOCK_NAME, else the system socket.
std::string pcscd_socket_path();

class PcscContext {
 public:
  static Result<PcscContext> establish(std::chrono::milliseconds limit);

  PcscContext(PcscContext&& other) noexcept
      : handle_(std::exchange(other.handle_, 0)), valid_(std::exchange(other.valid_, false)) {}
  PcscContext& operator=(PcscContext&& other) noexcept {
    if (this != &other) {
      release();
      handle_ = std::exchange(other.handle_, 0);
      valid_ = std::exchange(other.valid_, false);
    }
    return *this;
  }
  PcscContext(const PcscContext&) = delete;
  PcscContext& operator=(const PcscContext&) = delete;
  ~PcscContext() { release(); }

  SCARDCONTEXT get() const { return handle_; }

  // Reader names in pcscd's order.
  Result<std::vector<std::string>> list_readers(std::chrono::milliseconds limit) const;
  // After a call on this context did not return: releasing it would wait for that call.
  void abandon() { valid_ = false; }

 private:
  explicit PcscContext(SCARDCONTEXT handle) : handle_(handle), valid_(true) {}
  void release();

  SCARDCONTEXT handle_ = 0;
  bool valid_ = false;
};

class PcscCardHandle {
 public:
  // SCARD_SHARE_SHARED so that other programs (a second LPA, pcsc_scan) can still use the
  // reader between our transactions; T=0 or T=1, whichever the reader and card agree on.
  static Result<PcscCardHandle> connect(const PcscContext& context, const std::string& reader,
                                        std::chrono::milliseconds limit);

  PcscCardHandle(PcscCardHandle&& other) noexcept
      : handle_(std::exchange(other.handle_, 0)),
        protocol_(other.protocol_),
        valid_(std::exchange(other.valid_, false)) {}
  PcscCardHandle& operator=(PcscCardHandle&& other) noexcept {
    if (this != &other) {
      disconnect();
      handle_ = std::exchange(other.handle_, 0);
      protocol_ = other.protocol_;
      valid_ = std::exchange(other.valid_, false);
    }
    return *this;
  }
  PcscCardHandle(const PcscCardHandle&) = delete;
  PcscCardHandle& operator=(const PcscCardHandle&) = delete;
  ~PcscCardHandle() { disconnect(); }

  SCARDHANDLE get() const { return handle_; }
  DWORD protocol() const { return protocol_; }
  const SCARD_IO_REQUEST* send_pci() const {
    return protocol_ == SCARD_PROTOCOL_T1 ? SCARD_PCI_T1 : SCARD_PCI_T0;
  }
  // After a call on this handle did not return: disconnecting would wait for that call.
  void abandon() { valid_ = false; }

 private:
  PcscCardHandle(SCARDHANDLE handle, DWORD protocol) : handle_(handle), protocol_(protocol), valid_(true) {}
  // SCARD_LEAVE_CARD: other programs keep their state on the card.
  void disconnect();

  SCARDHANDLE handle_ = 0;
  DWORD protocol_ = 0;
  bool valid_ = false;
};

}  // namespace lpad::apdu::pcsc
