// HOST:PORT as given on the command line (--vpcd localhost:35963, [::1]:35963).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace lpad::veuicc {

struct Endpoint {
  std::string host;
  std::uint16_t port = 0;
};

// A missing port is an error; a bracketed IPv6 literal loses its brackets.
Result<Endpoint> parse_endpoint(std::string_view text);

}  // namespace lpad::veuicc
