#include "apdu_backends/qmi/private_context.h"

namespace lpad::apdu::qmi {
namespace {

// Makes `context` the thread default for the scope, as libqmi expects of a private context.
class ThreadDefaultScope {
 public:
  explicit ThreadDefaultScope(GMainContext* context) : context_(context) { g_main_context_push_thread_default(context_); }
  ThreadDefaultScope(const ThreadDefaultScope&) = delete;
  ThreadDefaultScope& operator=(const ThreadDefaultScope&) = delete;
  ~ThreadDefaultScope() { g_main_context_pop_thread_default(context_); }

 private:
  GMainContext* context_;
};

struct Waiter {
  GObjectPtr<GAsyncResult> result;
  GObjectPtr<GCancellable> cancellable{g_cancellable_new()};
  bool deadline_passed = false;

  static void on_ready(GObject* /*source*/, GAsyncResult* result, gpointer self) {
    static_cast<Waiter*>(self)->result.reset(G_ASYNC_RESULT(g_object_ref(result)));
  }
  static gboolean on_deadline(gpointer self) {
    auto* waiter = static_cast<Waiter*>(self);
    waiter->deadline_passed = true;
    g_cancellable_cancel(waiter->cancellable.get());
    return G_SOURCE_REMOVE;
  }
};

}  // namespace

PrivateContext::PrivateContext() : context_(g_main_context_new()) {}

PrivateContext::~PrivateContext() { drain(); }

PrivateContext::Completion PrivateContext::run(std::chrono::milliseconds limit, const Start& start) {
  ThreadDefaultScope scope(context_.get());
  Waiter waiter;
  SourcePtr deadline(g_timeout_source_new(static_cast<guint>(limit.count())));
  g_source_set_callback(deadline.get(), &Waiter::on_deadline, &waiter, nullptr);
  g_source_attach(deadline.get(), context_.get());

  start(waiter.cancellable.get(), &Waiter::on_ready, &waiter);
  while (!waiter.result) g_main_context_iteration(context_.get(), TRUE);
  return {std::move(waiter.result), waiter.deadline_passed};
}

void PrivateContext::drain() {
  ThreadDefaultScope scope(context_.get());
  while (g_main_context_iteration(context_.get(), FALSE)) {
  }
}

guint whole_seconds(std::chrono::milliseconds limit) {
  auto seconds = (limit.count() + 999) / 1000;
  return static_cast<guint>(seconds < 1 ? 1 : seconds);
}

}  // namespace lpad::apdu::qmi
