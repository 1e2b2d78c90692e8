// Owning handles for the GLib and libqmi objects the QMI transport uses: each is released exactly
// once, by the handle, whatever path a function leaves by.
#pragma once

#include <glib-object.h>
#include <glib.h>
#include <libqmi-glib.h>

#include <memory>
#include <string>
#include <utility>

namespace lpad::apdu::qmi {

template <class T>
struct GObjectUnref {
  void operator()(T* object) const { g_object_unref(object); }
};
// Any GObject (QmiDevice, QmiClient, GFile, GCancellable, GAsyncResult): one reference.
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref<T>>;

struct MainContextUnref {
  void operator()(GMainContext* context) const { g_main_context_unref(context); }
};
using MainContextPtr = std::unique_ptr<GMainContext, MainContextUnref>;

struct SourceDestroy {
  // Detaches the source from its context (so its callback never runs again), then drops it.
  void operator()(GSource* source) const {
    g_source_destroy(source);
    g_source_unref(source);
  }
};
using SourcePtr = std::unique_ptr<GSource, SourceDestroy>;

struct QmiMessageUnref {
  void operator()(QmiMessage* message) const { qmi_message_unref(message); }
};
using QmiMessagePtr = std::unique_ptr<QmiMessage, QmiMessageUnref>;

struct GFree {
  void operator()(gpointer memory) const { g_free(memory); }
};
using GCharPtr = std::unique_ptr<gchar, GFree>;

// The `GError** error` out-parameter of GLib calls, freed on scope exit.
class ErrorSlot {
 public:
  ErrorSlot() = default;
  ErrorSlot(const ErrorSlot&) = delete;
  ErrorSlot& operator=(const ErrorSlot&) = delete;
  ~ErrorSlot() { clear(); }

  GError** out() {
    clear();
    return &error_;
  }
  const GError* get() const { return error_; }
  explicit operator bool() const { return error_ != nullptr; }
  std::string message() const { return error_ ? error_->message : "unknown error"; }
  bool matches(GQuark domain, int code) const { return error_ && g_error_matches(error_, domain, code); }
  void clear() {
    if (error_) g_error_free(std::exchange(error_, nullptr));
  }

 private:
  GError* error_ = nullptr;
};

}  // namespace lpad::apdu::qmi
