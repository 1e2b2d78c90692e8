// A few words for commands and status words in error messages, so that they say
// "SELECT (INS A4)" and "6A82 (file or application not found)" rather than bare numbers.
#pragma once

#include <string>

#include "core/bytes.h"

#include "core/status_word.h"

namespace lpad::apdu::iso7816 {

// "6A82 (file or application not found)"; just "6F12" for status words without a known meaning.
std::string describe_status(StatusWord status);

// "STORE DATA (INS E2)" for a command APDU; "INS 12" for instructions without a known name.
std::string describe_command(ByteView apdu);

}  // namespace lpad::apdu::iso7816
