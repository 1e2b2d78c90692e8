// The Answer-To-Reset of the software eUICC, shaped like a real UICC's (ISO/IEC 7816-3 section
// 8.2, ETSI TS 102 221 section 6.3): T=0 always, T=1 on request, and historical bytes whose card
// capabilities announce logical channels and, when switched on, extended Lc/Le.
#pragma once

#include "core/bytes.h"

namespace lpad::veuicc {

struct AtrOptions {
  bool offer_t1 = false;
  bool extended_length = false;
};

Bytes build_atr(const AtrOptions& options);

}  // namespace lpad::veuicc
