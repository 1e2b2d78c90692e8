#include <gtest/gtest.h>

#include "rsp_binding/function_call.h"

namespace lpad::rsp_binding {
namespace {

https::HttpResponse answer(long status, std::string body) { return {status, "application/json", std::move(body)}; }

constexpr const char* kSuccess = R"({"header":{"functionExecutionStatus":{"status":"Executed-Success"}},"x":"y"})";

Errc error_of(const https::HttpResponse& response, bool expect_body = true) {
  auto r = parse_function_response("initiateAuthentication", response, expect_body);
  EXPECT_FALSE(r);
  return r ? Errc{} : r.error().code;
}

TEST(FunctionResponse, SuccessReturnsTheObject) {
  auto r = parse_function_response("initiateAuthentication", answer(200, kSuccess));
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ((*r)["x"], "y");
  auto warning = parse_function_response(
      "f", answer(200, R"({"header":{"functionExecutionStatus":{"status":"Executed-WithWarning"}}})"));
  EXPECT_TRUE(warning);
}

TEST(FunctionResponse, HttpStatusOtherThan200IsAnError) {
  EXPECT_EQ(error_of(answer(500, kSuccess)), Errc::https_http_status);
  EXPECT_EQ(error_of(answer(204, "")), Errc::https_http_status);
  auto r = parse_function_response("getBoundProfilePackage", answer(404, ""));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("404"), std::string::npos);
  EXPECT_NE(r.error().message.find("getBoundProfilePackage"), std::string::npos);
}

TEST(FunctionResponse, NoContentIsSuccessWhereNoBodyIsExpected) {
  EXPECT_TRUE(parse_function_response("handleNotification", answer(204, ""), false));
  EXPECT_TRUE(parse_function_response("handleNotification", answer(200, ""), false));
  EXPECT_TRUE(parse_function_response("handleNotification", answer(200, kSuccess), false));
  EXPECT_EQ(error_of(answer(500, ""), false), Errc::https_http_status);
}

TEST(FunctionResponse, RefusesBodiesThatAreNotRspAnswers) {
  EXPECT_EQ(error_of(answer(200, "")), Errc::server_bad_response);
  EXPECT_EQ(error_of(answer(200, "<html>")), Errc::server_bad_response);
  EXPECT_EQ(error_of(answer(200, "[1,2]")), Errc::server_bad_response);
  EXPECT_EQ(error_of(answer(200, "{}")), Errc::server_bad_response);
  EXPECT_EQ(error_of(answer(200, R"({"header":{}})")), Errc::server_bad_response);
  EXPECT_EQ(error_of(answer(200, R"({"header":{"functionExecutionStatus":{"status":"Maybe"}}})")), Errc::server_bad_response);
}

TEST(FunctionResponse, FailedBecomesItsTypedError) {
  auto r = parse_function_response("authenticateClient", answer(200, R"({"header":{"functionExecutionStatus":{
      "status":"Failed","statusCodeData":{"subjectCode":"8.2.6","reasonCode":"3.8","message":"nope"}}}})"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::server_matching_id_refused);
  ASSERT_TRUE(r.error().server);
  EXPECT_EQ(*r.error().server, (ServerStatus{"8.2.6", "3.8", "", "nope"}));
  // A failure without codes is still a failure.
  auto bare = parse_function_response("f", answer(200, R"({"header":{"functionExecutionStatus":{"status":"Failed"}}})"));
  ASSERT_FALSE(bare);
  EXPECT_EQ(bare.error().code, Errc::server_function_failed);
  auto expired = parse_function_response("f", answer(200, R"({"header":{"functionExecutionStatus":{"status":"Expired"}}})"));
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, Errc::server_function_failed);
}

TEST(FieldReaders, NameTheFieldThatIsWrong) {
  const auto object = nlohmann::json::parse(R"({"s":"text","n":5,"b":"AAEC","bad":"A*==","tid":"B2D48628B6F8495CB5718144C095148C"})");
  EXPECT_EQ(*string_field(object, "s"), "text");
  EXPECT_EQ(*base64_field(object, "b"), (Bytes{0x00, 0x01, 0x02}));
  for (auto r : {string_field(object, "missing"), string_field(object, "n")}) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, Errc::server_bad_response);
  }
  auto missing = base64_field(object, "missing");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("missing"), std::string::npos);
  auto bad = base64_field(object, "bad");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("bad"), std::string::npos);
  EXPECT_FALSE(string_field(nlohmann::json::array(), "s"));
}

TEST(FieldReaders, TransactionIdIsOneToSixteenBytesOfHex) {
  using nlohmann::json;
  EXPECT_EQ(*transaction_id_field(json{{"transactionId", "B2D48628B6F8495CB5718144C095148C"}}), "B2D48628B6F8495CB5718144C095148C");
  EXPECT_TRUE(transaction_id_field(json{{"transactionId", "0a"}}));
  for (const char* bad : {"", "XYZ", "ABC", "B2D48628B6F8495CB5718144C095148C00", "0A 0B"})
    EXPECT_FALSE(transaction_id_field(json{{"transactionId", bad}})) << bad;
  EXPECT_FALSE(transaction_id_field(json{{"transactionId", 12}}));
}

TEST(FieldReaders, EchoedTransactionIdMustBeThisSessions) {
  using nlohmann::json;
  EXPECT_TRUE(check_echoed_transaction_id(json{{"transactionId", "0A0B"}}, "0A0B"));
  EXPECT_TRUE(check_echoed_transaction_id(json{{"transactionId", "0a0b"}}, "0A0B"));  // hex case differs between servers
  EXPECT_TRUE(check_echoed_transaction_id(json{{"header", json::object()}}, "0A0B"));  // none echoed: nothing to compare
  for (const json& bad : {json{{"transactionId", "0A0C"}}, json{{"transactionId", "0A"}}, json{{"transactionId", "zz"}},
                          json{{"transactionId", 10}}}) {
    auto r = check_echoed_transaction_id(bad, "0A0B");
    ASSERT_FALSE(r) << bad.dump();
    EXPECT_EQ(r.error().code, Errc::server_bad_response);
    EXPECT_NE(r.error().message.find("transactionId"), std::string::npos) << r.error().message;
  }
}

}  // namespace
}  // namespace lpad::rsp_binding
