#include "apdu_backends/pcsc/pcsc_handles.h"

#include <fmt/format.h>

#include "apdu_backends/pcsc/reader_choice.h"

namespace lpad::apdu::pcsc {

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

Result<PcscContext> PcscContext::establish() {
  SCARDCONTEXT handle = 0;
  LONG rc = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &handle);
  if (rc != SCARD_S_SUCCESS) {
    auto error = pcsc_error("pcsc: connecting to pcscd", rc);
    if (rc == SCARD_E_NO_SERVICE) error.message += "; is pcscd installed and running?";
    return unexpected(std::move(error));
  }
  return PcscContext(handle);
}

void PcscContext::release() {
  if (valid_) SCardReleaseContext(handle_);
  valid_ = false;
}

Result<std::vector<std::string>> PcscContext::list_readers() const {
  // The list can change between the size query and the read; try again a few times.
  for (int attempt = 0; attempt < 3; ++attempt) {
    DWORD size = 0;
    LONG rc = SCardListReaders(handle_, nullptr, nullptr, &size);
    if (rc == SCARD_E_NO_READERS_AVAILABLE) return std::vector<std::string>{};
    if (rc != SCARD_S_SUCCESS) return unexpected(pcsc_error("pcsc: listing readers", rc));
    std::string buffer(size, '\0');
    rc = SCardListReaders(handle_, nullptr, buffer.data(), &size);
    if (rc == SCARD_E_INSUFFICIENT_BUFFER) continue;
    if (rc == SCARD_E_NO_READERS_AVAILABLE) return std::vector<std::string>{};
    if (rc != SCARD_S_SUCCESS) return unexpected(pcsc_error("pcsc: listing readers", rc));
    buffer.resize(size);
    return split_reader_list(buffer);
  }
  return fail(Errc::apdu_transport_failure, "pcsc: listing readers: the reader list kept changing");
}

Result<PcscCardHandle> PcscCardHandle::connect(const PcscContext& context, const std::string& reader) {
  SCARDHANDLE handle = 0;
  DWORD protocol = 0;
  LONG rc = SCardConnect(context.get(), reader.c_str(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                         &handle, &protocol);
  if (rc != SCARD_S_SUCCESS) return unexpected(pcsc_error(fmt::format("pcsc:{}: connecting to the card", reader), rc));
  return PcscCardHandle(handle, protocol);
}

void PcscCardHandle::disconnect() {
  if (valid_) SCardDisconnect(handle_, SCARD_LEAVE_CARD);
  valid_ = false;
}

}  // namespace lpad::apdu::pcsc
