#include "veuicc/transport/endpoint.h"

#include <charconv>

namespace lpad::veuicc {

Result<Endpoint> parse_endpoint(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size())
    return fail(Errc::veuicc_bad_endpoint, "expected HOST:PORT, got \"" + std::string(text) + "\"");
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc{} || end != port_text.data() + port_text.size() || port == 0 || port > 0xFFFF)
    return fail(Errc::veuicc_bad_endpoint, "bad port \"" + std::string(port_text) + "\"");
  return Endpoint{std::string(host), static_cast<std::uint16_t>(port)};
}

}  // namespace lpad::veuicc
