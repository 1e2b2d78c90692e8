#include "https/https_client.h"

#include <fmt/format.h>

#include <cstdio>
#include <thread>

#include "https/curl_errors.h"
#include "https/curl_handles.h"
#include "https/resolve_entries.h"
#include "https/trust_bundle.h"

namespace lpad::https {
namespace {

constexpr std::size_t kMaxResponseBytes = 4 * 1024 * 1024;  // a BPP is a few hundred KB at most

// "smdp.example.com:8443 (initiateAuthentication)" from the URL: what messages name.
std::string target_of(std::string_view url) {
  std::string_view rest = url;
  if (auto scheme = rest.find("://"); scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
  const auto slash = rest.find('/');
  std::string_view host = rest.substr(0, slash);
  std::string_view function = slash == std::string_view::npos ? std::string_view{} : rest.substr(rest.rfind('/') + 1);
  return function.empty() ? std::string(host) : fmt::format("{} ({})", host, function);
}

struct Received {
  std::string body;
  bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* received = static_cast<Received*>(user);
  const std::size_t bytes = size * count;
  if (received->body.size() + bytes > kMaxResponseBytes) {
    received->too_large = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  received->body.append(data, bytes);
  return bytes;
}

}  // namespace

struct HttpsClient::State {
  HttpsOptions options;
  std::string ca_bundle;  // PEM, handed to libcurl as a blob on every request
  CurlSlist resolve;
  std::string user_agent;
};

HttpsClient::HttpsClient(std::unique_ptr<State> state) : state_(std::move(state)) {}
HttpsClient::HttpsClient(HttpsClient&&) noexcept = default;
HttpsClient& HttpsClient::operator=(HttpsClient&&) noexcept = default;
HttpsClient::~HttpsClient() = default;

const HttpsOptions& HttpsClient::options() const { return state_->options; }

Result<HttpsClient> HttpsClient::create(HttpsOptions options) {
  if (!curl_global_ready()) return fail(Errc::https_transport_failure, "libcurl could not be initialised");
  auto state = std::make_unique<State>();
  for (const auto& entry : options.resolve) {
    if (auto checked = check_resolve_entry(entry); !checked) return unexpected(checked.error());
    if (!append_header(state->resolve, entry.c_str()))
      return fail(Errc::https_transport_failure, "out of memory for the --resolve list");
  }
  // Skipping verification needs no roots, but loading them still catches a broken installation.
  auto bundle = load_trust_bundle(options);
  if (!bundle) return unexpected(bundle.error());
  state->ca_bundle = std::move(*bundle);
  state->user_agent = options.user_agent.empty() ? std::string("lpad/" LPAD_VERSION) : options.user_agent;
  state->options = std::move(options);
  return HttpsClient(std::move(state));
}

Result<HttpResponse> HttpsClient::post(std::string_view url, std::string_view body, const std::vector<std::string>& headers) {
  const std::string target = target_of(url);
  if (!url.starts_with("https://")) return fail(Errc::https_bad_option, fmt::format("{}: only https:// URLs are used", target));
  const HttpsOptions& options = state_->options;

  CurlSlist header_list;
  for (const auto& header : headers)
    if (!append_header(header_list, header.c_str())) return fail(Errc::https_transport_failure, "out of memory for headers");
  // No "Expect: 100-continue" round trip before large bodies (BPP requests are small, PIRs too).
  if (!append_header(header_list, "Expect:")) return fail(Errc::https_transport_failure, "out of memory for headers");

  const std::string url_text(url);
  std::chrono::milliseconds backoff = options.retry_backoff;
  for (unsigned attempt = 0;; ++attempt) {
    CurlEasy curl(curl_easy_init());
    if (!curl) return fail(Errc::https_transport_failure, "libcurl could not create a transfer");
    CURL* h = curl.get();
    Received received;
    char error_text[CURL_ERROR_SIZE] = {};
    curl_blob ca{state_->ca_bundle.data(), state_->ca_bundle.size(), CURL_BLOB_COPY};

    curl_easy_setopt(h, CURLOPT_URL, url_text.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for resolver timeouts
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(h, CURLOPT_USERAGENT, state_->user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &received);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(kMaxResponseBytes));
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options.request_timeout.count()));
    if (state_->resolve) curl_easy_setopt(h, CURLOPT_RESOLVE, state_->resolve.get());
    // Only the GSMA CI roots: no system CA file or folder, whatever libcurl was built with.
    curl_easy_setopt(h, CURLOPT_CAINFO, nullptr);
    curl_easy_setopt(h, CURLOPT_CAPATH, nullptr);
    curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &ca);
    if (options.insecure_skip_tls_verification) {
      std::fprintf(stderr, "WARNING: TLS verification is OFF for %s: anyone on the network path can read and change "
                   "this exchange (--insecure-skip-tls-verification)\n", target.c_str());
      curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
      curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
    } else {
      curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
      curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    }

    const CURLcode code = curl_easy_perform(h);
    if (code == CURLE_OK) {
      HttpResponse response;
      curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
      char* content_type = nullptr;
      if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &content_type) == CURLE_OK && content_type != nullptr)
        response.content_type = content_type;
      response.body = std::move(received.body);
      return response;
    }
    if (received.too_large || code == CURLE_FILESIZE_EXCEEDED)
      return fail(Errc::https_transport_failure, fmt::format("the answer of {} is larger than 4 MiB", target));
    curl_off_t tls_time = 0;
    curl_easy_getinfo(h, CURLINFO_APPCONNECT_TIME_T, &tls_time);
    if (failed_before_sending(code, tls_time > 0) && attempt < options.max_retries) {
      std::this_thread::sleep_for(backoff);
      backoff *= 2;
      continue;
    }
    long verify_result = 0;
    curl_easy_getinfo(h, CURLINFO_SSL_VERIFYRESULT, &verify_result);
    return unexpected(curl_failure(code, verify_result, error_text, target));
  }
}

}  // namespace lpad::https
