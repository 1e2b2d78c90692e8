// The one place that turns TransportOptions into a backend. Callers see only transport.h.
#pragma once

#include <memory>

#include "apdu_backends/transport.h"
#include "apdu_backends/transport_options.h"

namespace lpad::apdu {

// invalid_argument for an unknown backend or options that do not fit it; otherwise what the
// backend says (no reader, no card, a modem that does not answer, ...).
Result<std::unique_ptr<Transport>> open_transport(const TransportOptions& options);

}  // namespace lpad::apdu
