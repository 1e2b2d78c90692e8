// A software eUICC with the SGP.26 identity and a state file in a fresh temporary folder, and the
// recorded download of ../shared/vectors/download-sgp26 as ES10 commands: the challenge and the
// one-time key the recording used go in through the test hooks, so that the recorded server
// messages verify on the card.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crypto/certificate.h"
#include "crypto/ecdsa.h"
#include "crypto/keys.h"
#include "rsp/authentication.h"
#include "rsp/prepare_download.h"
#include "rsp/profile_installation_result.h"
#include "rsp/tags.h"
#include "support/shared_data.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"
#include "veuicc/application/euicc_application.h"

namespace lpad::test {

inline std::filesystem::path recording_dir() { return shared_dir() / "vectors" / "download-sgp26"; }
inline std::filesystem::path sgp26_dir() { return shared_dir() / "pki" / "sgp26"; }

// A base64 field of the recorded ES9+ bodies, in the hex messages-decoded.json gives for it.
inline Bytes recorded(int seq, const std::string& side, const std::string& field) {
  static const auto doc = read_json(recording_dir() / "messages-decoded.json");
  for (const auto& m : doc["messages"])
    if (m["seq"] == seq) return hex(m[side][field]["der_hex"].get<std::string>());
  throw std::invalid_argument("no recorded field " + field);
}

inline std::string secret(const std::string& name) {
  static const auto doc = read_json(recording_dir() / "euicc-secrets.json");
  return doc[name].get<std::string>();
}

// r || s out of a "5F37 40 r||s" signature DO as ES9+ carries it.
inline Bytes signature_of(const Bytes& signature_do) { return Bytes(signature_do.begin() + 3, signature_do.end()); }

inline std::string hex_of(const veuicc::Es10Response& response) {
  if (!response) return "SW " + to_hex(Bytes{response.error().sw1(), response.error().sw2()});
  return to_hex(*response);
}

// ctxParams1 as the recording's LPA sent it: matchingId and deviceInfo { tac 35230145, no capabilities }.
inline Bytes recorded_ctx_params1() {
  return rsp::encode_ctx_params1({secret("matchingId"), rsp::DeviceInfo{hex("35230145"), {}, std::nullopt}}).encode();
}

// The euiccSignature1 of the recorded AuthenticateServerResponse: smdpSignature2 covers it.
inline Bytes recorded_euicc_signature1() {
  auto response = rsp::decode_authenticate_server_response(*tlv::decode(recorded(2, "request", "authenticateServerResponse")));
  return std::get<rsp::AuthenticateResponseOk>(*response).euicc_signature1;
}

// ES10b.AuthenticateServer from the initiateAuthentication answer.
inline rsp::AuthenticateServerRequest recorded_authenticate_server() {
  auto pkid = recorded(1, "response", "euiccCiPKIdToBeUsed");  // 04 14 SKI
  return {recorded(1, "response", "serverSigned1"), signature_of(recorded(1, "response", "serverSignature1")),
          Bytes(pkid.begin() + 2, pkid.end()), recorded(1, "response", "serverCertificate"), recorded_ctx_params1()};
}

// ES10b.PrepareDownload from the authenticateClient answer.
inline rsp::PrepareDownloadRequest recorded_prepare_download() {
  return {recorded(2, "response", "smdpSigned2"), signature_of(recorded(2, "response", "smdpSignature2")), std::nullopt,
          recorded(2, "response", "smdpCertificate")};
}

// The recorded BPP cut as SGP.22 section 2.5.5 says an LPA sends it.
inline std::vector<Bytes> recorded_bpp_pieces() {
  static const Bytes bpp = read_file(recording_dir() / "bpp.der");
  auto root = tlv::decode(bpp, rsp::tags::kBoundProfilePackage);
  auto head = [](const tlv::Node& n) {
    return Bytes(n.encoded().begin(), n.encoded().begin() + static_cast<std::ptrdiff_t>(n.encoded().size() - n.value().size()));
  };
  auto whole = [](const tlv::Node& n) { return Bytes(n.encoded().begin(), n.encoded().end()); };
  std::vector<Bytes> pieces;
  for (const auto& member : root->children()) {
    auto tag = member.tag();
    if (tag == rsp::tags::kInitialiseSecureChannel) {
      auto first = head(*root);
      auto isc = whole(member);
      first.insert(first.end(), isc.begin(), isc.end());
      pieces.push_back(first);
    } else if (tag == rsp::tags::bpp::kFirstSequenceOf87 || tag == rsp::tags::bpp::kSecondSequenceOf87) {
      pieces.push_back(whole(member));
    } else {  // A1, A3: header alone, then each segment
      pieces.push_back(head(member));
      for (const auto& segment : member.children()) pieces.push_back(whole(segment));
    }
  }
  return pieces;
}

class DownloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "lpad-veuicc-dl-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    auto identity = veuicc::Identity::load(sgp26_dir());
    ASSERT_TRUE(identity) << identity.error().describe();
    identity_.emplace(std::move(*identity));
  }
  void TearDown() override {
    app_.reset();
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }

  std::filesystem::path state_path() const { return root_ / "state.json"; }

  // Powers up a card holding `state` (saved to its state file first).
  void start(veuicc::EuiccState state = {}) {
    ASSERT_TRUE(veuicc::StateFile(state_path()).save(state));
    app_.emplace(std::move(*identity_), veuicc::StateFile(state_path()), std::move(state));
    identity_.reset();
  }

  veuicc::Es10Response send(ByteView command) { return app_->process(command, {}); }
  veuicc::Es10Response send(const tlv::Element& command) { return send(command.encode()); }
  veuicc::TestHooks& hooks() { return app_->test_hooks(); }
  const veuicc::EuiccState& state() const { return app_->state(); }
  veuicc::EuiccState saved_state() const { return *veuicc::StateFile(state_path()).load(); }

  // Steps of the recorded download.
  veuicc::Es10Response get_challenge(std::optional<Bytes> challenge = hex(secret("euiccChallenge"))) {
    hooks().next_euicc_challenge = std::move(challenge);
    return send(tlv::Element::constructed(rsp::tags::kEuiccChallenge));
  }
  rsp::AuthenticateServerResponse authenticate(const rsp::AuthenticateServerRequest& request, bool recorded_signature = true) {
    if (recorded_signature) hooks().next_euicc_signature1 = recorded_euicc_signature1();
    auto response = send(rsp::encode_authenticate_server_request(request));
    EXPECT_TRUE(response) << hex_of(response);
    auto decoded = rsp::decode_authenticate_server_response(*tlv::decode(*response));
    EXPECT_TRUE(decoded);
    return *decoded;
  }
  rsp::PrepareDownloadResponse prepare(const rsp::PrepareDownloadRequest& request) {
    hooks().next_otsk_scalar = hex(secret("otSK.EUICC.ECKA"));
    auto response = send(rsp::encode_prepare_download_request(request));
    EXPECT_TRUE(response) << hex_of(response);
    auto decoded = rsp::decode_prepare_download_response(*tlv::decode(*response));
    EXPECT_TRUE(decoded);
    return *decoded;
  }
  // GetEUICCChallenge, AuthenticateServer and PrepareDownload as recorded, each asserted to succeed.
  void authenticate_and_prepare() {
    ASSERT_TRUE(get_challenge());
    ASSERT_TRUE(std::holds_alternative<rsp::AuthenticateResponseOk>(authenticate(recorded_authenticate_server())));
    ASSERT_TRUE(std::holds_alternative<rsp::PrepareDownloadResponseOk>(prepare(recorded_prepare_download())));
  }

  // Feeds the pieces; every one but the last must be answered with nothing, the last one with the
  // ProfileInstallationResult, which is returned decoded.
  rsp::ProfileInstallationResult load(const std::vector<Bytes>& pieces) {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      auto response = send(pieces[i]);
      EXPECT_TRUE(response) << "piece " << i << ": " << hex_of(response);
      if (!response) break;
      if (!response->empty()) {
        EXPECT_EQ(i + 1, pieces.size()) << "the BPP ended early, at piece " << i << ": " << hex_of(response);
        auto pir = rsp::decode_profile_installation_result(*tlv::decode(*response));
        EXPECT_TRUE(pir);
        if (pir) return *pir;
        break;
      }
    }
    ADD_FAILURE() << "no ProfileInstallationResult";
    return {};
  }
  // Feeds pieces until the card answers; the answer must be an error result.
  rsp::InstallError load_expecting_error(const std::vector<Bytes>& pieces) {
    for (const auto& piece : pieces) {
      auto response = send(piece);
      EXPECT_TRUE(response) << hex_of(response);
      if (!response || response->empty()) continue;
      auto pir = rsp::decode_profile_installation_result(*tlv::decode(*response));
      EXPECT_TRUE(pir);
      EXPECT_TRUE(verifies_with_euicc_key(pir->data_der, pir->euicc_sign_pir));
      if (pir && !pir->data.succeeded()) return std::get<rsp::InstallError>(pir->data.final_result);
      ADD_FAILURE() << "the BPP was installed";
      return {};
    }
    ADD_FAILURE() << "the card never answered with a ProfileInstallationResult";
    return {};
  }

  bool verifies_with_euicc_key(ByteView message, ByteView signature) const {
    auto cert = crypto::Certificate::load(read_file(sgp26_dir() / "CERT_EUICC_ECDSA_NIST.der"));
    return crypto::ecdsa_verify(*cert->public_key(), message, signature).has_value();
  }

  // The session is over: AuthenticateServer finds no challenge and PrepareDownload no server.
  void expect_session_gone() {
    auto authenticate_response = send(rsp::encode_authenticate_server_request(recorded_authenticate_server()));
    ASSERT_TRUE(authenticate_response);
    auto a = rsp::decode_authenticate_server_response(*tlv::decode(*authenticate_response));
    ASSERT_TRUE(a && std::holds_alternative<rsp::AuthenticateResponseError>(*a)) << hex_of(authenticate_response);
    EXPECT_EQ(std::get<rsp::AuthenticateResponseError>(*a).code, rsp::AuthenticateErrorCode::no_session_context);
    auto prepare_response = send(rsp::encode_prepare_download_request(recorded_prepare_download()));
    ASSERT_TRUE(prepare_response);
    auto p = rsp::decode_prepare_download_response(*tlv::decode(*prepare_response));
    ASSERT_TRUE(p && std::holds_alternative<rsp::PrepareDownloadResponseError>(*p)) << hex_of(prepare_response);
    EXPECT_EQ(std::get<rsp::PrepareDownloadResponseError>(*p).code, rsp::DownloadErrorCode::no_session_context);
  }
  void expect_nothing_installed() {
    EXPECT_TRUE(state().profiles.empty());
    EXPECT_TRUE(saved_state().profiles.empty());
  }

  std::filesystem::path root_;
  std::optional<veuicc::Identity> identity_;  // until start() hands it to the card
  std::optional<veuicc::EuiccApplication> app_;
};

}  // namespace lpad::test
