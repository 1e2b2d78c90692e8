#include "lpad/download_journal.h"

#include <nlohmann/json.hpp>

#include <cstdio>

#include "core/atomic_file.h"
#include "core/bytes.h"

namespace lpad::daemon {

std::filesystem::path DownloadJournal::file_for(const std::string& transaction_id) const {
  // The transaction ID is the server's text: hex-encode it so it can never escape the folder.
  return directory_ / ("download-" + to_hex(ByteView(reinterpret_cast<const std::uint8_t*>(transaction_id.data()),
                                                      transaction_id.size())) + ".json");
}

Result<void> DownloadJournal::record(const JournalEntry& entry) {
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  if (ec) return fail(Errc::io_error, "cannot create " + directory_.string() + ": " + ec.message());
  nlohmann::json json{{"eid", entry.eid}, {"smdp_address", entry.smdp_address}, {"transaction_id", entry.transaction_id},
                      {"stage", entry.stage}};
  auto text = json.dump();
  return write_file_atomically(file_for(entry.transaction_id), ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

void DownloadJournal::forget(const std::string& transaction_id) {
  std::error_code ec;
  std::filesystem::remove(file_for(transaction_id), ec);
}

std::vector<JournalEntry> DownloadJournal::entries_for(const std::string& eid) const {
  std::vector<JournalEntry> entries;
  std::error_code ec;
  for (const auto& file : std::filesystem::directory_iterator(directory_, ec)) {
    auto name = file.path().filename().string();
    if (!name.starts_with("download-") || !name.ends_with(".json")) continue;
    auto bytes = read_whole_file(file.path());
    if (!bytes) continue;
    auto json = nlohmann::json::parse(bytes->begin(), bytes->end(), nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("eid") || !json["eid"].is_string() ||
        !json.contains("transaction_id") || !json["transaction_id"].is_string() || !json.contains("smdp_address") ||
        !json["smdp_address"].is_string()) {
      std::fprintf(stderr, "lpad: %s is not a download journal entry; removed\n", file.path().c_str());
      std::filesystem::remove(file.path(), ec);
      continue;
    }
    if (json["eid"] != eid) continue;
    entries.push_back({json["eid"], json["smdp_address"], json["transaction_id"], json.value("stage", "authenticated")});
  }
  return entries;
}

}  // namespace lpad::daemon
