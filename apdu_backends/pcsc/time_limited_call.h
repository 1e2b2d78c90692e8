// pcsc-lite waits for each of pcscd's answers without a time limit (poll with -1, and
// SCardBeginTransaction retries for as long as another program holds the card). A pcscd that
// accepted our connection but never answers (nobody serving the socket, a daemon stuck in a
// reader driver) would hang us for ever. So every SCard* call runs on a thread of its own, and we
// wait for it at most a time limit; a call that overstays is left behind, owning only what it
// captured (copies, never references into the caller's stack). What such a call still achieves
// when it returns (a transaction pcsc-lite got after all) is handed to `on_late` on its thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

namespace lpad::apdu::pcsc {

// The call's result, or nullopt when it did not return within `limit`. A call that returns after
// that gives its result to `on_late` instead, to undo what it did.
template <class Call, class Late>
std::optional<std::invoke_result_t<Call&>> call_with_time_limit(std::chrono::milliseconds limit, Call call,
                                                                Late on_late) {
  using Value = std::invoke_result_t<Call&>;
  struct State {
    std::mutex mutex;
    std::condition_variable done;
    std::optional<Value> value;
    bool given_up = false;
  };
  auto state = std::make_shared<State>();
  std::thread worker([state, call = std::move(call), on_late = std::move(on_late)]() mutable {
    Value value = call();
    std::unique_lock lock(state->mutex);
    if (state->given_up) {
      lock.unlock();
      on_late(std::move(value));
      return;
    }
    state->value = std::move(value);
    state->done.notify_all();
  });
  std::unique_lock lock(state->mutex);
  if (!state->done.wait_for(lock, limit, [&] { return state->value.has_value(); })) {
    state->given_up = true;  // under the lock: the call's result goes either to us or to on_late
    lock.unlock();
    worker.detach();  // still inside pcsc-lite; it keeps `state` alive and ends with the process
    return std::nullopt;
  }
  auto value = std::move(state->value);
  lock.unlock();
  worker.join();
  return value;
}

template <class Call>
std::optional<std::invoke_result_t<Call&>> call_with_time_limit(std::chrono::milliseconds limit, Call call) {
  return call_with_time_limit(limit, std::move(call), [](auto&&) {});
}

}  // namespace lpad::apdu::pcsc
