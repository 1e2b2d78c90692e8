#include "apdu_backends/qmi/qmi_transport.h"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>

#include "apdu_backends/qmi/glib_handles.h"
#include "apdu_backends/qmi/private_context.h"
#include "apdu_backends/qmi/uim_messages.h"

namespace lpad::apdu {
namespace {

using namespace std::chrono_literals;
using qmi::ErrorSlot;
using qmi::GObjectPtr;
using qmi::PrivateContext;
using qmi::QmiMessagePtr;

// QMI UIM numbers physical slots 1 to 5 (QmiUimSessionType has logical-channel sessions for 5).
constexpr std::uint8_t kMaxSlot = 5;
constexpr std::size_t kMaxShortCommandData = 255;
// Longer limits would overflow GLib's guint milliseconds and help nobody.
constexpr std::chrono::milliseconds kMaxTimeout = 24h;
// Releasing the client and closing the port when the transport goes away: never wait long.
constexpr std::chrono::milliseconds kTeardownTimeout = 3s;

// Proxy: share the port with ModemManager. Version info: lets libqmi say "no UIM service"
// instead of a modem that stays silent.
constexpr auto kOpenFlags = static_cast<QmiDeviceOpenFlags>(QMI_DEVICE_OPEN_FLAGS_PROXY | QMI_DEVICE_OPEN_FLAGS_VERSION_INFO);

class QmiTransport final : public Transport {
 public:
  QmiTransport(std::string device, QmiOptions options)
      : device_path_(std::move(device)), options_(options), description_("qmi:" + device_path_) {}
  QmiTransport(const QmiTransport&) = delete;
  QmiTransport& operator=(const QmiTransport&) = delete;
  ~QmiTransport() override { shut_down(); }

  Result<void> open();

  std::string description() const override { return description_; }
  TransportCapabilities capabilities() const override {
    // Send APDU carries one APDU as the modem passes it to the card: short length only is what
    // every QMI modem is known to accept.
    return TransportCapabilities{.extended_length = false, .max_short_command_data = options_.max_command_data};
  }

  Result<std::uint8_t> open_logical_channel(ByteView aid) override {
    std::lock_guard lock(mutex_);
    auto message = qmi::open_logical_channel_request(next_header(), options_.slot, aid);
    if (!message) return located(message.error());
    auto response = request(qmi::kUimOpenLogicalChannel, std::move(*message));
    if (!response) return unexpected(response.error());
    auto opened = qmi::parse_open_logical_channel_response(response->get());
    if (!opened) return located(opened.error());
    if (opened->channel == 0)
      return fail(Errc::apdu_protocol_error,
                  fmt::format("{}: {}: the modem reported channel 0", description_, qmi::command_name(qmi::kUimOpenLogicalChannel)));
    return opened->channel;
  }

  Result<ResponseApdu> transmit(std::uint8_t channel, ByteView command) override {
    std::lock_guard lock(mutex_);
    auto message = qmi::send_apdu_request(next_header(), options_.slot, channel, command);
    if (!message) return located(message.error());
    auto response = request(qmi::kUimSendApdu, std::move(*message));
    if (!response) return unexpected(response.error());
    auto apdu = qmi::parse_send_apdu_response(response->get());
    if (!apdu) return located(apdu.error());
    return std::move(*apdu);
  }

  Result<void> close_logical_channel(std::uint8_t channel) override {
    std::lock_guard lock(mutex_);
    auto message = qmi::close_logical_channel_request(next_header(), options_.slot, channel);
    if (!message) return located(message.error());
    auto response = request(qmi::kUimLogicalChannel, std::move(*message));
    if (!response) return unexpected(response.error());
    auto closed = qmi::parse_close_logical_channel_response(response->get());
    if (!closed) return located(closed.error());
    return {};
  }

 private:
  qmi::RequestHeader next_header() {
    return {qmi_client_get_cid(client_.get()), qmi_client_get_next_transaction_id(client_.get())};
  }

  // The error with the transport named in front, as every transport error reads.
  unexpected<Error> located(Error error) const {
    error.message = fmt::format("{}: {}", description_, error.message);
    return unexpected(std::move(error));
  }

  // A libqmi failure (or our deadline) while doing `what`.
  unexpected<Error> failed(std::string_view what, const ErrorSlot& error, bool deadline_passed,
                           std::chrono::milliseconds limit) const {
    if (deadline_passed || error.matches(QMI_CORE_ERROR, QMI_CORE_ERROR_TIMEOUT))
      return fail(Errc::apdu_timeout, fmt::format("{}: {}: no answer within {} ms", description_, what, limit.count()));
    return fail(Errc::apdu_transport_failure, fmt::format("{}: {}: {}", description_, what, error.message()));
  }

  Result<QmiMessagePtr> request(std::uint16_t message_id, QmiMessagePtr message) {
    auto limit = options_.request_timeout;
    auto done = context_.run(limit, [&](GCancellable* cancellable, GAsyncReadyCallback callback, gpointer data) {
      qmi_device_command_full(device_.get(), message.get(), nullptr, qmi::whole_seconds(limit), cancellable, callback, data);
    });
    ErrorSlot error;
    QmiMessagePtr response(qmi_device_command_full_finish(device_.get(), done.result.get(), error.out()));
    if (!response) return failed(qmi::command_name(message_id), error, done.deadline_passed, limit);
    return response;
  }

  void shut_down();

  std::string device_path_;
  QmiOptions options_;
  std::string description_;
  std::mutex mutex_;
  PrivateContext context_;  // before the objects whose sources live on it: destroyed after them
  GObjectPtr<QmiDevice> device_;
  bool device_open_ = false;
  GObjectPtr<QmiClient> client_;
};

Result<void> QmiTransport::open() {
  auto deadline = std::chrono::steady_clock::now() + options_.open_timeout;
  auto remaining = [&] {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return std::max(left, 1ms);
  };

  GObjectPtr<GFile> file(g_file_new_for_path(device_path_.c_str()));
  auto limit = remaining();
  auto created = context_.run(limit, [&](GCancellable* cancellable, GAsyncReadyCallback callback, gpointer data) {
    qmi_device_new(file.get(), cancellable, callback, data);
  });
  ErrorSlot error;
  device_.reset(qmi_device_new_finish(created.result.get(), error.out()));
  if (!device_) return failed("cannot use the port", error, created.deadline_passed, limit);

  limit = remaining();
  auto opened = context_.run(limit, [&](GCancellable* cancellable, GAsyncReadyCallback callback, gpointer data) {
    qmi_device_open(device_.get(), kOpenFlags, qmi::whole_seconds(limit), cancellable, callback, data);
  });
  if (!qmi_device_open_finish(device_.get(), opened.result.get(), error.out()))
    return failed("cannot open the port through qmi-proxy", error, opened.deadline_passed, limit);
  device_open_ = true;

  limit = remaining();
  auto allocated = context_.run(limit, [&](GCancellable* cancellable, GAsyncReadyCallback callback, gpointer data) {
    qmi_device_allocate_client(device_.get(), QMI_SERVICE_UIM, QMI_CID_NONE, qmi::whole_seconds(limit), cancellable,
                               callback, data);
  });
  client_.reset(qmi_device_allocate_client_finish(device_.get(), allocated.result.get(), error.out()));
  if (!client_) return failed("cannot allocate a UIM client", error, allocated.deadline_passed, limit);
  return {};
}

void QmiTransport::shut_down() {
  auto limit = std::min(options_.request_timeout, kTeardownTimeout);
  ErrorSlot error;
  if (client_ && device_open_) {
    // Give the client ID back to the modem; each modem has only a few per service.
    auto released = context_.run(limit, [&](GCancellable* cancellable, GAsyncReadyCallback callback, gpointer data) {
      qmi_device_release_client(device_.get(), client_.get(), QMI_DEVICE_RELEASE_CLIENT_FLAGS_RELEASE_CID,
                                qmi::whole_seconds(limit), cancellable, callback, data);
    });
    qmi_device_release_client_finish(device_.get(), released.result.get(), error.out());
  }
  client_.reset();
  if (device_open_) {
    auto closed = context_.run(limit, [&](GCancellable* cancellable, GAsyncReadyCallback callback, gpointer data) {
      qmi_device_close_async(device_.get(), qmi::whole_seconds(limit), cancellable, callback, data);
    });
    qmi_device_close_finish(device_.get(), closed.result.get(), error.out());
    device_open_ = false;
  }
  device_.reset();
  context_.drain();
}

}  // namespace

Result<std::unique_ptr<Transport>> open_qmi_transport(const std::string& device, const QmiOptions& options) {
  if (device.empty()) return fail(Errc::invalid_argument, "qmi: no device given (e.g. /dev/cdc-wdm0)");
  if (options.slot < 1 || options.slot > kMaxSlot)
    return fail(Errc::invalid_argument, fmt::format("qmi:{}: UIM slot {} (QMI numbers slots 1 to {})", device, options.slot, kMaxSlot));
  if (options.max_command_data < 1 || options.max_command_data > kMaxShortCommandData)
    return fail(Errc::invalid_argument, fmt::format("qmi:{}: the maximum command data size is 1-{} bytes, not {}", device,
                                                    kMaxShortCommandData, options.max_command_data));
  for (auto limit : {options.open_timeout, options.request_timeout})
    if (limit <= 0ms || limit > kMaxTimeout)
      return fail(Errc::invalid_argument, fmt::format("qmi:{}: a time limit of {} ms", device, limit.count()));

  auto transport = std::make_unique<QmiTransport>(device, options);
  if (auto opened = transport->open(); !opened) return unexpected(opened.error());
  return std::unique_ptr<Transport>(std::move(transport));
}

Result<std::unique_ptr<Transport>> open_qmi_transport(const TransportOptions& options) {
  QmiOptions qmi_options;
  qmi_options.open_timeout = options.timeouts.command;
  qmi_options.request_timeout = options.timeouts.apdu;
  qmi_options.max_command_data = options.max_command_data.value_or(kMaxShortCommandData);
  return open_qmi_transport(options.device, qmi_options);
}

}  // namespace lpad::apdu
