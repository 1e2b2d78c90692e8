// ES9+ requests and answers against the recorded SGP.26 download (pySim es9p_client <-> osmo-smdpp).
#include <gtest/gtest.h>

#include "es9p/es9p_messages.h"
#include "rsp_binding/function_call.h"
#include "support/shared_data.h"

namespace lpad::es9p {
namespace {

namespace fs = std::filesystem;

fs::path vectors() { return test::shared_dir() / "vectors" / "download-sgp26"; }
nlohmann::json recorded(const char* name) { return test::read_json(vectors() / name); }

Bytes decoded(const nlohmann::json& object, const char* field) {
  auto bytes = rsp_binding::base64_decode(object[field].get<std::string>());
  if (!bytes) throw std::runtime_error("bad base64 in vector");
  return *bytes;
}

// The recorded answer as the client would receive it, through the status and JSON checks.
nlohmann::json checked(const char* name, std::string_view function) {
  std::ifstream in(vectors() / name);
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto r = rsp_binding::parse_function_response(function, https::HttpResponse{200, "application/json;charset=UTF-8", body});
  if (!r) throw std::runtime_error(r.error().describe());
  return *r;
}

TEST(Es9pMessages, InitiateAuthenticationRequestHasTheRecordedFields) {
  const auto request = recorded("01-initiateAuthentication.request.json");
  auto built = initiate_authentication_request(decoded(request, "euiccChallenge"), decoded(request, "euiccInfo1"),
                                               request["smdpAddress"].get<std::string>());
  EXPECT_EQ(built, request);
}

TEST(Es9pMessages, ParsesTheRecordedInitiateAuthentication) {
  const auto raw = recorded("01-initiateAuthentication.response.json");
  auto ok = parse_initiate_authentication(checked("01-initiateAuthentication.response.json", "initiateAuthentication"));
  ASSERT_TRUE(ok) << ok.error().describe();
  EXPECT_EQ(ok->transaction_id, "B2D48628B6F8495CB5718144C095148C");
  EXPECT_EQ(ok->server_signed1, decoded(raw, "serverSigned1"));
  ASSERT_EQ(ok->server_signature1.size(), 67u);  // the whole 5F37 TLV: 5F 37 40 || r || s
  EXPECT_EQ(ok->server_signature1[0], 0x5F);
  EXPECT_EQ(ok->server_signature1[1], 0x37);
  ASSERT_EQ(ok->euicc_ci_pkid_to_be_used.size(), 22u);  // 04 14 || SKI
  EXPECT_EQ(ok->euicc_ci_pkid_to_be_used[0], 0x04);
  EXPECT_EQ(ok->server_certificate, decoded(raw, "serverCertificate"));
}

TEST(Es9pMessages, AuthenticateClientRoundTrip) {
  const auto request = recorded("02-authenticateClient.request.json");
  EXPECT_EQ(authenticate_client_request(request["transactionId"].get<std::string>(), decoded(request, "authenticateServerResponse")),
            request);
  const auto raw = recorded("02-authenticateClient.response.json");
  auto ok = parse_authenticate_client(checked("02-authenticateClient.response.json", "authenticateClient"));
  ASSERT_TRUE(ok) << ok.error().describe();
  EXPECT_EQ(ok->transaction_id, "B2D48628B6F8495CB5718144C095148C");
  EXPECT_EQ(ok->profile_metadata, test::read_file(vectors() / "storeMetadata.der"));
  EXPECT_EQ(ok->smdp_signed2, decoded(raw, "smdpSigned2"));
  EXPECT_EQ(ok->smdp_signature2.size(), 67u);
  EXPECT_EQ(ok->smdp_certificate, decoded(raw, "smdpCertificate"));
}

TEST(Es9pMessages, GetBoundProfilePackageRoundTrip) {
  const auto request = recorded("03-getBoundProfilePackage.request.json");
  EXPECT_EQ(get_bound_profile_package_request(request["transactionId"].get<std::string>(), decoded(request, "prepareDownloadResponse")),
            request);
  auto bpp = parse_get_bound_profile_package(checked("03-getBoundProfilePackage.response.json", "getBoundProfilePackage"));
  ASSERT_TRUE(bpp) << bpp.error().describe();
  EXPECT_EQ(*bpp, test::read_file(vectors() / "bpp.der"));
}

TEST(Es9pMessages, HandleNotificationAndCancelSessionRequests) {
  const auto request = recorded("04-handleNotification.request.json");
  EXPECT_EQ(handle_notification_request(test::read_file(vectors() / "profileInstallationResult.der")), request);
  EXPECT_EQ(cancel_session_request("0A0B", Bytes{0xBF, 0x41, 0x00}),
            (nlohmann::json{{"transactionId", "0A0B"}, {"cancelSessionResponse", "v0EA"}}));
}

TEST(Es9pMessages, EachMissingFieldIsNamed) {
  const auto full = checked("02-authenticateClient.response.json", "authenticateClient");
  for (const char* field : {"transactionId", "profileMetadata", "smdpSigned2", "smdpSignature2", "smdpCertificate"}) {
    auto broken = full;
    broken.erase(field);
    auto r = parse_authenticate_client(broken);
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().code, Errc::server_bad_response);
    EXPECT_NE(r.error().message.find(field), std::string::npos) << r.error().message;
  }
  auto initiate = checked("01-initiateAuthentication.response.json", "initiateAuthentication");
  initiate["serverSignature1"] = "not base64!";
  auto r = parse_initiate_authentication(initiate);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("serverSignature1"), std::string::npos);
  EXPECT_FALSE(parse_get_bound_profile_package(nlohmann::json{{"transactionId", "01"}}));
}

}  // namespace
}  // namespace lpad::es9p
