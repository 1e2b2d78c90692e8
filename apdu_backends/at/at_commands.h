// The command lines of 3GPP TS 27.007 that carry APDUs to the UICC, formatted as modems expect
// them: hex in upper case and double quotes, lengths counted in hex characters.
#pragma once

#include <string>

#include "core/bytes.h"

namespace lpad::apdu::at {

// Section 8.17: AT+CSIM=<length>,"<command>", a raw APDU on whichever channel its CLA names.
std::string csim_command(ByteView apdu);
// Section 8.45: AT+CCHO="<dfname>", the modem opens a channel and selects the AID on it.
std::string ccho_command(ByteView aid);
// Section 8.43: AT+CGLA=<sessionid>,<length>,"<command>", an APDU on a channel from AT+CCHO.
std::string cgla_command(unsigned session, ByteView apdu);
// Section 8.46: AT+CCHC=<sessionid>.
std::string cchc_command(unsigned session);

}  // namespace lpad::apdu::at
