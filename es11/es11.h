// ES11, the LPA's interface to an SM-DS (SGP.22 sections 5.8 and 6.5.2): event retrieval after
// the same mutual authentication as ES9+. An interface for the engine's unit tests; the HTTPS
// implementation is make_https_es11().
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/bytes.h"
#include "core/error.h"
#include "https/https_client.h"
#include "rsp_binding/authentication_messages.h"

namespace lpad::es11 {

// One event waiting for this eUICC: the eventId is used as the matching ID at rspServerAddress.
struct EventEntry {
  std::string event_id;
  std::string rsp_server_address;
  bool operator==(const EventEntry&) const = default;
};

class Es11 {
 public:
  virtual ~Es11() = default;

  virtual const std::string& address() const = 0;
  virtual Result<rsp_binding::InitiateAuthenticationOk> initiate_authentication(ByteView euicc_challenge,
                                                                               ByteView euicc_info1) = 0;
  // authenticateClient: the events for the authenticated eUICC (may be none).
  virtual Result<std::vector<EventEntry>> authenticate_client(std::string_view transaction_id,
                                                             ByteView authenticate_server_response) = 0;
};

std::unique_ptr<Es11> make_https_es11(https::HttpsClient& client, std::string address);

}  // namespace lpad::es11
