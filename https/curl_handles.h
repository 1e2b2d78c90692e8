// Owning handles for libcurl objects, and the process-wide curl_global_init it needs once.
#pragma once

#include <curl/curl.h>

#include <memory>

namespace lpad::https {

struct CurlEasyDeleter {
  void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

struct CurlSlistDeleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;

// curl_global_init is not thread-safe and must run before any easy handle exists; a function-local
// static runs it exactly once, on first use. Returns false when libcurl could not initialise.
inline bool curl_global_ready() {
  static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return ready;
}

// Appends one "Name: value" line; false on allocation failure (the list is left as it was).
inline bool append_header(CurlSlist& list, const char* line) {
  curl_slist* grown = curl_slist_append(list.get(), line);
  if (grown == nullptr) return false;
  static_cast<void>(list.release());  // `grown` now owns the old nodes
  list.reset(grown);
  return true;
}

}  // namespace lpad::https
