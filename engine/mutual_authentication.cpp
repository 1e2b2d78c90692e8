#include "engine/mutual_authentication.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "es10/es10b.h"

namespace lpad::engine {

namespace {

Error inconsistent(std::string what) { return Error{Errc::engine_server_inconsistent, std::move(what)}; }

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::pair<std::string_view, std::string_view> split_port(std::string_view address) {
  auto colon = address.rfind(':');
  if (colon == std::string_view::npos) return {address, {}};
  return {address.substr(0, colon), address.substr(colon + 1)};
}

}  // namespace

bool same_server_address(std::string_view a, std::string_view b) {
  auto [host_a, port_a] = split_port(a);
  auto [host_b, port_b] = split_port(b);
  if (lower(host_a) != lower(host_b)) return false;
  return port_a.empty() || port_b.empty() || port_a == port_b;
}

Result<Bytes> value_of_tlv(ByteView tlv, std::uint32_t expected_tag, std::string_view field) {
  auto node = tlv::decode(tlv, tlv::Tag{expected_tag});
  if (!node) return fail(Errc::server_bad_response, fmt::format("the server's {} is not a well-formed TLV: {}", field, node.error().message));
  return Bytes(node->value().begin(), node->value().end());
}

Result<AuthenticatedSession> authenticate_with_server(es10::IsdrChannel& channel, const InitiateAuthentication& initiate,
                                                      std::string_view server_address, const rsp::CtxParams1& ctx_params) {
  auto challenge = es10::get_euicc_challenge(channel);
  if (!challenge) return unexpected(challenge.error());
  auto info1 = es10::get_euicc_info1(channel);
  if (!info1) return unexpected(info1.error());

  auto server = initiate(*challenge, info1->der);
  if (!server) return unexpected(server.error());

  auto signed1_node = tlv::decode(server->server_signed1);
  if (!signed1_node) return fail(Errc::server_bad_response, "the server's serverSigned1 is malformed: " + signed1_node.error().message);
  auto signed1 = rsp::decode_server_signed1(*signed1_node);
  if (!signed1) return fail(Errc::server_bad_response, "the server's serverSigned1 is malformed: " + signed1.error().message);
  if (signed1->euicc_challenge != *challenge) return unexpected(inconsistent("the server signed another eUICC challenge than ours"));
  if (lower(to_hex(signed1->transaction_id)) != lower(server->transaction_id))
    return unexpected(inconsistent("the server's transactionId differs from the one in its signed data"));
  if (!same_server_address(signed1->server_address, server_address))
    return unexpected(inconsistent(fmt::format("the server calls itself {}, but we asked {}", signed1->server_address, server_address)));

  auto signature = value_of_tlv(server->server_signature1, 0x5F37, "serverSignature1");
  if (!signature) return unexpected(signature.error());
  auto pkid = value_of_tlv(server->euicc_ci_pkid_to_be_used, 0x04, "euiccCiPKIdToBeUsed");
  if (!pkid) return unexpected(pkid.error());

  rsp::AuthenticateServerRequest request{server->server_signed1, std::move(*signature), std::move(*pkid),
                                         server->server_certificate, rsp::encode_ctx_params1(ctx_params).encode()};
  auto response = es10::authenticate_server(channel, rsp::encode_authenticate_server_request(request).encode());
  if (!response) return unexpected(response.error());
  auto decoded = rsp::decode_authenticate_server_response(*tlv::decode(*response));
  if (!decoded) return fail(Errc::es10_bad_response, "the eUICC's AuthenticateServer answer is malformed: " + decoded.error().message);

  AuthenticatedSession session{server->transaction_id, signed1->transaction_id, std::move(*response), std::nullopt};
  if (auto* refused = std::get_if<rsp::AuthenticateResponseError>(&*decoded)) session.card_error = refused->code;
  return session;
}

}  // namespace lpad::engine
