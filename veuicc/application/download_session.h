// The state of one profile download on the card, between GetEUICCChallenge and the end of
// LoadBoundProfilePackage (SGP.22 sections 3.1.3, 5.7.13-5.7.16). Lives only while the card has
// power, as on a real eUICC: a reset ends the session.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/bytes.h"

namespace lpad::veuicc {

// Filled in step by step by the download handlers (veuicc/application/download/); the concrete
// members live there so that this header stays small.
struct DownloadSessionData;

class DownloadSession {
 public:
  DownloadSession();
  ~DownloadSession();
  DownloadSession(DownloadSession&&) noexcept;
  DownloadSession& operator=(DownloadSession&&) noexcept;

  // Drops everything (keys are wiped by their owners' destructors).
  void clear();
  DownloadSessionData& data() { return *data_; }

 private:
  std::unique_ptr<DownloadSessionData> data_;
};

}  // namespace lpad::veuicc
