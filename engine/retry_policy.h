// How often and how patiently the engine repeats an exchange that may succeed later (a
// notification to an SM-DP+ that is briefly unreachable). Sleeping is a member so tests run
// without waiting.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

#include "core/error.h"

namespace lpad::engine {

struct RetryPolicy {
  unsigned attempts = 3;                      // in all, the first one included
  std::chrono::milliseconds first_backoff{1000};  // doubled after every failure
  std::function<void(std::chrono::milliseconds)> sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
};

// Worth another attempt: the server may not have seen the request (transport trouble, time-outs,
// HTTP 5xx). A server that answered Failed has decided; repeating will not change its mind.
inline bool is_transient(const Error& error) {
  switch (error.code) {
    case Errc::https_connect_failed:
    case Errc::https_timeout:
    case Errc::https_http_status:
    case Errc::https_transport_failure:
    case Errc::https_tls_failure:
      return true;
    default:
      return false;
  }
}

// Runs `attempt` until it succeeds, fails for good, or the attempts run out.
template <class T, class Attempt>
Result<T> with_retries(const RetryPolicy& policy, Attempt&& attempt) {
  auto backoff = policy.first_backoff;
  for (unsigned i = 1;; ++i) {
    Result<T> result = attempt();
    if (result || i >= policy.attempts || !is_transient(result.error())) return result;
    if (policy.sleep) policy.sleep(backoff);
    backoff *= 2;
  }
}

}  // namespace lpad::engine
