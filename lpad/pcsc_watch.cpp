#include "lpad/pcsc_watch.h"

#include <PCSC/winscard.h>

#include <chrono>
#include <string>
#include <vector>

#include "apdu_backends/pcsc/pcsc_handles.h"

namespace lpad::daemon {
namespace {

using namespace std::chrono_literals;
constexpr auto kCallLimit = 5s;
constexpr DWORD kWaitMs = 500;  // how often the thread looks at its stop token

void pause(std::stop_token stop, std::chrono::milliseconds total) {
  for (auto waited = 0ms; waited < total && !stop.stop_requested(); waited += 100ms) std::this_thread::sleep_for(100ms);
}

}  // namespace

PcscWatch::PcscWatch(std::function<void()> changed)
    : changed_(std::move(changed)), thread_([this](std::stop_token stop) { run(stop); }) {}

void PcscWatch::run(std::stop_token stop) {
  static const std::string kPnp = "\\\\?PnP?\\Notification";
  while (!stop.stop_requested()) {
    auto context = apdu::pcsc::PcscContext::establish(kCallLimit);
    if (!context) {
      pause(stop, 3s);
      continue;
    }
    // One watch per reader list: a reader arriving or leaving rebuilds it.
    for (bool rebuild = true; rebuild && !stop.stop_requested();) {
      rebuild = false;
      auto readers = context->list_readers(kCallLimit);
      std::vector<std::string> names = readers ? *readers : std::vector<std::string>{};
      names.push_back(kPnp);
      std::vector<SCARD_READERSTATE> states(names.size());
      for (std::size_t i = 0; i < names.size(); ++i) {
        states[i].szReader = names[i].c_str();
        states[i].dwCurrentState = SCARD_STATE_UNAWARE;
      }
      states.back().dwCurrentState = static_cast<DWORD>((names.size() - 1) << 16);
      // The first answer only tells the current states.
      if (SCardGetStatusChange(context->get(), 0, states.data(), static_cast<DWORD>(states.size())) == SCARD_S_SUCCESS)
        for (auto& state : states) state.dwCurrentState = state.dwEventState & ~SCARD_STATE_CHANGED;
      while (!stop.stop_requested()) {
        LONG rc = SCardGetStatusChange(context->get(), kWaitMs, states.data(), static_cast<DWORD>(states.size()));
        if (rc == SCARD_E_TIMEOUT) continue;
        if (rc != SCARD_S_SUCCESS) {  // pcscd went away, or a reader did: start over
          rebuild = rc == SCARD_E_UNKNOWN_READER || rc == SCARD_E_READER_UNAVAILABLE;
          if (!rebuild) pause(stop, 1s);
          break;
        }
        bool any = false;
        for (auto& state : states) {
          if (state.dwEventState & SCARD_STATE_CHANGED) any = true;
          state.dwCurrentState = state.dwEventState & ~SCARD_STATE_CHANGED;
        }
        if (!any) continue;
        changed_();
        rebuild = true;  // the reader list may have changed: watch the new one
        break;
      }
    }
  }
}

}  // namespace lpad::daemon
