#include "lpad/card_worker.h"

namespace lpad::daemon {

CardWorker::CardWorker() : thread_([this](std::stop_token stop) { run(stop); }) {}

CardWorker::~CardWorker() {
  thread_.request_stop();
  wake_.notify_all();
}

void CardWorker::submit(Work work) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(work));
  }
  wake_.notify_one();
}

bool CardWorker::busy() const {
  std::lock_guard lock(mutex_);
  return running_ || !queue_.empty();
}

void CardWorker::run(std::stop_token stop) {
  for (;;) {
    Work work;
    {
      std::unique_lock lock(mutex_);
      if (!wake_.wait(lock, stop, [this] { return !queue_.empty(); })) return;
      work = std::move(queue_.front());
      queue_.pop_front();
      running_ = true;
    }
    work();
    std::lock_guard lock(mutex_);
    running_ = false;
  }
}

}  // namespace lpad::daemon
