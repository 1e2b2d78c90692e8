#include "veuicc/application/download_session.h"

#include "veuicc/application/download/download_session_data.h"

namespace lpad::veuicc {

DownloadSession::DownloadSession() : data_(std::make_unique<DownloadSessionData>()) {}
DownloadSession::~DownloadSession() = default;
DownloadSession::DownloadSession(DownloadSession&&) noexcept = default;
DownloadSession& DownloadSession::operator=(DownloadSession&&) noexcept = default;

void DownloadSession::clear() { data_ = std::make_unique<DownloadSessionData>(); }

}  // namespace lpad::veuicc
