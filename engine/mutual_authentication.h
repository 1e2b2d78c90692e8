// Common mutual authentication (SGP.22 section 3.1.2), the first half of both a profile download
// (with an SM-DP+) and an event retrieval (with an SM-DS): the eUICC's challenge and EUICCInfo1
// go to the server, the server's signed answer goes to the eUICC (AuthenticateServer), and the
// eUICC's signed answer is what the LPA then sends to the server's authenticateClient.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "core/error.h"
#include "es10/isdr_channel.h"
#include "rsp/authentication.h"
#include "rsp_binding/authentication_messages.h"

namespace lpad::engine {

struct AuthenticatedSession {
  std::string transaction_id;     // as the server wrote it, for later calls
  Bytes transaction_id_bytes;     // the same, as the eUICC knows it
  Bytes authenticate_server_response;  // the eUICC's BF38 answer, passed to authenticateClient unchanged
  std::optional<rsp::AuthenticateErrorCode> card_error;  // set when the eUICC refused the server
};

using InitiateAuthentication =
    std::function<Result<rsp_binding::InitiateAuthenticationOk>(ByteView euicc_challenge, ByteView euicc_info1)>;

// Runs the exchange up to and including ES10b.AuthenticateServer. A server answer that does not
// belong to this session (another challenge, transaction id or address) is
// download.server-inconsistent; the eUICC refusing the server is not an error here but
// `card_error`, because the server must still be told (authenticateClient).
Result<AuthenticatedSession> authenticate_with_server(es10::IsdrChannel& channel, const InitiateAuthentication& initiate,
                                                      std::string_view server_address, const rsp::CtxParams1& ctx_params);

// The value of a TLV the servers send whole (5F37 signature, 04 key identifier).
Result<Bytes> value_of_tlv(ByteView tlv, std::uint32_t expected_tag, std::string_view field);

// True when two server addresses name the same server: host names compared without case, ports
// only when both give one.
bool same_server_address(std::string_view a, std::string_view b);

}  // namespace lpad::engine
