// A GMainContext of our own on which all of one transport's libqmi work runs, and the bridge from
// GIO's callback style to the plain blocking calls the Transport interface promises. The caller's
// thread runs the context while it waits, so no thread of ours exists and the application's
// default main context (if it has one) never sees libqmi's sources.
// One thread at a time: the transport serialises its calls.
#pragma once

#include <chrono>
#include <functional>

#include "apdu_backends/qmi/glib_handles.h"

namespace lpad::apdu::qmi {

class PrivateContext {
 public:
  PrivateContext();
  PrivateContext(const PrivateContext&) = delete;
  PrivateContext& operator=(const PrivateContext&) = delete;
  ~PrivateContext();

  // Begins one asynchronous GIO/libqmi operation with the given cancellable and completion.
  using Start = std::function<void(GCancellable*, GAsyncReadyCallback, gpointer)>;

  struct Completion {
    GObjectPtr<GAsyncResult> result;  // hand to the operation's _finish()
    bool deadline_passed = false;     // our time limit fired and cancelled the operation
  };

  // Starts the operation with this context as the thread default (libqmi attaches its sources
  // and timeouts there), then runs the context until the operation completes. At `limit` the
  // operation is cancelled; the wait goes on until its callback, which libqmi always delivers
  // (a cancelled or timed-out request completes with an error), because the callback refers to
  // this stack frame.
  Completion run(std::chrono::milliseconds limit, const Start& start);

  // Dispatches whatever is already due, without blocking (after closing the device).
  void drain();

 private:
  MainContextPtr context_;
};

// libqmi counts time limits in whole seconds: ours rounded up, at least one.
guint whole_seconds(std::chrono::milliseconds limit);

}  // namespace lpad::apdu::qmi
