// Crash safety of downloads: while a download holds sessions on the eUICC and at the SM-DP+, its
// SM-DP+ address and transaction ID are on disk (one small JSON file each, written atomically).
// If lpad dies, its next start finds them, cancels what was left open and sends the card's
// pending notifications (see recovery.h). A download that ends removes its entry.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.h"

namespace lpad::daemon {

struct JournalEntry {
  std::string eid;
  std::string smdp_address;
  std::string transaction_id;
  std::string stage;  // "authenticated" (cancellable) or "installing" (past the point of no return)
};

class DownloadJournal {
 public:
  explicit DownloadJournal(std::filesystem::path directory) : directory_(std::move(directory)) {}

  // Worker threads call these; each entry is its own file, so they do not contend.
  Result<void> record(const JournalEntry& entry);
  void forget(const std::string& transaction_id);
  // Entries that fail to parse are reported in the log and removed: they cannot be acted on.
  std::vector<JournalEntry> entries_for(const std::string& eid) const;

 private:
  std::filesystem::path file_for(const std::string& transaction_id) const;
  std::filesystem::path directory_;
};

}  // namespace lpad::daemon
