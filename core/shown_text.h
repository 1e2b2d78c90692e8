// Text from outside (a QR code, a server, a D-Bus caller) quoted in an error message: bytes that
// are not printable ASCII are shown as \xHH, so a message never carries control characters or
// broken UTF-8 to a terminal, a log or a D-Bus string.
#pragma once

#include <string>
#include <string_view>

namespace lpad {

std::string shown_text(std::string_view untrusted);

}  // namespace lpad
