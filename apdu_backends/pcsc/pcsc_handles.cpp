#include "apdu_backends/pcsc/pcsc_handles.h"

#include <fmt/format.h>

#include <cstdlib>

#include "apdu_backends/pcsc/reader_choice.h"
#include "apdu_backends/pcsc/time_limited_call.h"

namespace lpad::apdu::pcsc {

namespace {

// Releasing a context or disconnecting from a card, on the way out: not worth a long wait.
constexpr auto kReleaseLimit = std::chrono::milliseconds(2000);

}  // namespace

std::string pcsc_error_text(LONG rc) {
  return fmt::format("{} (0x{:08X})", pcsc_stringify_error(rc), static_cast<std::uint32_t>(rc));
}

Error pcsc_error(std::string_view what, LONG rc) {
  Errc code = Errc::apdu_transport_failure;
  switch (rc) {
    case SCARD_W_REMOVED_CARD:
    case SCARD_E_NO_SMARTCARD:
    case SCARD_W_UNPOWERED_CARD:
    case SCARD_E_READER_UNAVAILABLE:
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_NO_READERS_AVAILABLE:
      code = Errc::apdu_card_removed;
      break;
    case SCARD_E_TIMEOUT:
      code = Errc::apdu_timeout;
      break;
    default:
      break;
  }
  return Error{code, fmt::format("{}: {}", what, pcsc_error_text(rc))};
}

Error pcsc_no_answer(std::string_view what, std::chrono::milliseconds limit) {
  return Error{Errc::apdu_timeout, fmt::format("{}: pcscd did not answer within {} ms", what, limit.count())};
}

std::string pcscd_socket_path() {
  const char* path = std::getenv("PCSCLITE_CSOCK_NAME");
  return path && *path ? path : "/run/pcscd/pcscd.comm";  // pcsc-lite's default on Debian
}

Result<PcscContext> PcscContext::establish(std::chrono::milliseconds limit) {
  struct Answer {
    LONG rc;
    SCARDCONTEXT handle;
  };
  auto answer = call_with_time_limit(limit, [] {
    Answer a{SCARD_S_SUCCESS, 0};
    a.rc = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &a.handle);
    return a;
  });
  auto what = fmt::format("pcsc: connecting to pcscd at {}", pcscd_socket_path());
  if (!answer) return unexpected(pcsc_no_answer(what, limit));
  if (answer->rc != SCARD_S_SUCCESS) {
    auto error = pcsc_error(what, answer->rc);
    if (answer->rc == SCARD_E_NO_SERVICE) error.message += "; is pcscd installed and running?";
    return unexpected(std::move(error));
  }
  return PcscContext(answer->handle);
}

void PcscContext::release() {
  if (valid_) (void)call_with_time_limit(kReleaseLimit, [handle = handle_] { return SCardReleaseContext(handle); });
  valid_ = false;
}

Result<std::vector<std::string>> PcscContext::list_readers(std::chrono::milliseconds limit) const {
  struct Answer {
    LONG rc;
    std::string names;
  };
  // The list can change between the size query and the read; try again a few times.
  auto answer = call_with_time_limit(limit, [handle = handle_] {
    Answer a{SCARD_E_INSUFFICIENT_BUFFER, {}};
    for (int attempt = 0; attempt < 3 && a.rc == SCARD_E_INSUFFICIENT_BUFFER; ++attempt) {
      DWORD size = 0;
      a.rc = SCardListReaders(handle, nullptr, nullptr, &size);
      if (a.rc != SCARD_S_SUCCESS) break;
      a.names.assign(size, '\0');
      a.rc = SCardListReaders(handle, nullptr, a.names.data(), &size);
      a.names.resize(a.rc == SCARD_S_SUCCESS ? size : 0);
    }
    return a;
  });
  if (!answer) return unexpected(pcsc_no_answer("pcsc: listing readers", limit));
  if (answer->rc == SCARD_E_NO_READERS_AVAILABLE) return std::vector<std::string>{};
  if (answer->rc == SCARD_E_INSUFFICIENT_BUFFER)
    return fail(Errc::apdu_transport_failure, "pcsc: listing readers: the reader list kept changing");
  if (answer->rc != SCARD_S_SUCCESS) return unexpected(pcsc_error("pcsc: listing readers", answer->rc));
  return split_reader_list(answer->names);
}

Result<PcscCardHandle> PcscCardHandle::connect(const PcscContext& context, const std::string& reader,
                                               std::chrono::milliseconds limit) {
  struct Answer {
    LONG rc;
    SCARDHANDLE handle;
    DWORD protocol;
  };
  auto answer = call_with_time_limit(limit, [context = context.get(), reader] {
    Answer a{SCARD_S_SUCCESS, 0, 0};
    a.rc = SCardConnect(context, reader.c_str(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &a.handle,
                        &a.protocol);
    return a;
  });
  auto what = fmt::format("pcsc:{}: connecting to the card", reader);
  // pcscd holds a connection back for as long as another program's transaction on the card lasts.
  if (!answer) return unexpected(pcsc_no_answer(what + " (another program may be holding the card)", limit));
  if (answer->rc != SCARD_S_SUCCESS) return unexpected(pcsc_error(what, answer->rc));
  return PcscCardHandle(answer->handle, answer->protocol);
}

void PcscCardHandle::disconnect() {
  if (valid_)
    (void)call_with_time_limit(kReleaseLimit, [handle = handle_] { return SCardDisconnect(handle, SCARD_LEAVE_CARD); });
  valid_ = false;
}

}  // namespace lpad::apdu::pcsc
