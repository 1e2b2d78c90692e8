#include "apdu_backends/transport_factory.h"

#include <fmt/format.h>

#include "apdu_backends/at/at_transport.h"
#include "apdu_backends/pcsc/pcsc_transport.h"

// >>> QMI hook: apdu_backends/CMakeLists.txt defines this when qmi/ exists.
#ifdef LPAD_HAVE_QMI_TRANSPORT
#include "apdu_backends/qmi/qmi_transport.h"
#endif
// <<< QMI hook

namespace lpad::apdu {

namespace {

constexpr std::size_t kShortMaxCommandData = 255;

template <class T>
Result<std::unique_ptr<Transport>> as_transport(Result<std::unique_ptr<T>> opened) {
  if (!opened) return unexpected(opened.error());
  return std::unique_ptr<Transport>(std::move(*opened));
}

}  // namespace

Result<std::unique_ptr<Transport>> open_transport(const TransportOptions& options) {
  if (options.max_command_data && (*options.max_command_data == 0 || *options.max_command_data > kShortMaxCommandData))
    return fail(Errc::invalid_argument, fmt::format("the maximum command data size is 1-{} bytes, not {}",
                                                    kShortMaxCommandData, *options.max_command_data));

  if (options.backend == "pcsc") {
    pcsc::PcscOptions pcsc_options{
        .reader = options.device, .extended_length = std::nullopt, .timeouts = options.timeouts};
    if (options.force_short_apdus) pcsc_options.extended_length = false;
    return as_transport(pcsc::PcscTransport::open(pcsc_options));
  }

  if (options.backend == "at") {
    if (options.device.empty())
      return fail(Errc::invalid_argument, "the AT backend needs the modem's tty (e.g. /dev/ttyUSB2)");
    at::AtOptions at_options{.device = options.device,
                             .baud_rate = options.baud_rate,
                             .mode = options.at_mode,
                             .timeouts = options.timeouts,
                             .max_command_data = options.max_command_data.value_or(kShortMaxCommandData)};
    return as_transport(at::AtTransport::open(at_options));
  }

  if (options.backend == "qmi") {
    // >>> QMI hook: the QMI engineer provides
    //     Result<std::unique_ptr<Transport>> open_qmi_transport(const TransportOptions&);
#ifdef LPAD_HAVE_QMI_TRANSPORT
    return open_qmi_transport(options);
#else
    return fail(Errc::invalid_argument, "the QMI backend is not built yet; use --backend pcsc or --backend at");
#endif
    // <<< QMI hook
  }

  return fail(Errc::invalid_argument,
              fmt::format("unknown APDU backend \"{}\"; the backends are pcsc, at and qmi", options.backend));
}

}  // namespace lpad::apdu
