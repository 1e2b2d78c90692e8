// The SGP.22 ES10 application of the software eUICC (the ISD-R's side of ES10a/b/c). It decodes
// each reassembled STORE DATA command, hands it to the handler for its tag, and keeps the state
// on disk up to date.
#pragma once

#include "veuicc/application/card_context.h"
#include "veuicc/application/download_session.h"
#include "veuicc/application/identity.h"
#include "veuicc/application/test_hooks.h"
#include "veuicc/card/es10_application.h"
#include "veuicc/state/euicc_state.h"
#include "veuicc/state/state_file.h"

namespace lpad::veuicc {

class EuiccApplication final : public Es10Application {
 public:
  EuiccApplication(Identity identity, StateFile state_file, EuiccState state);

  Es10Response process(ByteView command, const Es10Context& context) override;
  void on_card_reset() override;

  const EuiccState& state() const { return state_; }
  const Identity& identity() const { return identity_; }
  TestHooks& test_hooks() { return hooks_; }

 private:
  CardContext context() { return {identity_, state_, state_file_, session_, hooks_}; }

  Identity identity_;
  StateFile state_file_;
  EuiccState state_;
  DownloadSession session_;
  TestHooks hooks_;
  bool loading_bpp_ = false;  // between the BF36 header and the ProfileInstallationResult
};

}  // namespace lpad::veuicc
