// SGP.22 section 2.6.4.4 padding (SCP03, ISO/IEC 9797-1 method 2): append '80', then '00' up to a
// multiple of 16 bytes. Always at least one byte, so block-aligned data gains a whole block.
#pragma once

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::crypto {

Bytes pad_80(ByteView data);
// The data without its padding; crypto.bad-padding when the last non-zero byte is not '80'.
Result<Bytes> unpad_80(ByteView padded);

}  // namespace lpad::crypto
