// What every ES10 handler of the software eUICC works with: the identity, the persistent state
// and its file, and the download session of the current power cycle. Handlers change `state` and
// call commit() before answering, so that what the card said is what it keeps.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "core/bytes.h"
#include "core/error.h"
#include "veuicc/application/download_session.h"
#include "veuicc/application/identity.h"
#include "veuicc/application/test_hooks.h"
#include "veuicc/state/euicc_state.h"
#include "veuicc/state/state_file.h"

namespace lpad::veuicc {

struct CardContext {
  Identity& identity;
  EuiccState& state;
  const StateFile& state_file;
  DownloadSession& session;  // volatile: cleared on reset, CancelSession and after loading
  TestHooks& hooks;

  // Writes the state atomically. A failure here is the card's NVM failing.
  Result<void> commit() { return state_file.save(state); }

  // Writes `next` and only then makes it the card's state, so that a failed write leaves the card
  // as it was (change a copy, commit it, swap).
  Result<void> commit(EuiccState next) {
    if (auto saved = state_file.save(next); !saved) return saved;
    state = std::move(next);
    return {};
  }
};

}  // namespace lpad::veuicc
