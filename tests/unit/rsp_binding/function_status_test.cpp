#include <gtest/gtest.h>

#include "rsp_binding/function_status.h"

namespace lpad::rsp_binding {
namespace {

Error mapped(std::string subject, std::string reason) {
  return error_from_status("authenticateClient", ServerStatus{std::move(subject), std::move(reason), "", ""});
}

TEST(FunctionStatus, MapsTheCodesOfAPersonsDownload) {
  struct Case {
    const char* subject;
    const char* reason;
    Errc code;
  };
  const Case cases[] = {
      {"8.2.6", "3.8", Errc::server_matching_id_refused},
      {"8.2.6", "3.9", Errc::server_matching_id_refused},
      {"8.2.7", "2.2", Errc::server_confirmation_code_missing},
      {"8.2.7", "3.8", Errc::server_confirmation_code_refused},
      {"8.2.7", "6.4", Errc::server_retries_exceeded},
      {"8.8.5", "4.10", Errc::server_order_expired},
      {"8.8.5", "6.4", Errc::server_retries_exceeded},
      {"8.10.1", "3.9", Errc::server_transaction_unknown},
      {"8.1", "6.1", Errc::server_euicc_rejected},
      {"8.1.1", "3.8", Errc::server_euicc_rejected},
      {"8.1.2", "6.1", Errc::server_euicc_rejected},
      {"8.1.2", "6.3", Errc::server_euicc_rejected},
      {"8.1.3", "6.1", Errc::server_euicc_rejected},
      {"8.8.2", "3.1", Errc::server_unsupported},
      {"8.8.3", "3.1", Errc::server_unsupported},
      {"8.8.4", "3.7", Errc::server_unsupported},
      {"8.11.1", "3.9", Errc::server_unsupported},
      {"8.1", "4.8", Errc::server_function_failed},
      {"8.2", "1.2", Errc::server_function_failed},
      {"8.2.1", "3.9", Errc::server_function_failed},
      {"8.2.5", "4.2", Errc::server_function_failed},
      {"8.8.1", "3.8", Errc::server_function_failed},
      {"8.9", "5.1", Errc::server_function_failed},
  };
  for (const auto& c : cases) {
    Error e = mapped(c.subject, c.reason);
    EXPECT_EQ(e.code, c.code) << c.subject << " " << c.reason;
    ASSERT_TRUE(e.server);
    EXPECT_EQ(e.server->subject_code, c.subject);
    EXPECT_EQ(e.server->reason_code, c.reason);
    EXPECT_NE(e.message.find("authenticateClient"), std::string::npos) << e.message;
  }
}

TEST(FunctionStatus, SaysItInWordsAPersonUnderstands) {
  EXPECT_NE(mapped("8.2.6", "3.8").message.find("refused the activation code"), std::string::npos);
  EXPECT_NE(mapped("8.2.7", "3.8").message.find("confirmation code is wrong"), std::string::npos);
  EXPECT_NE(mapped("8.2.7", "6.4").message.find("too many wrong confirmation codes"), std::string::npos);
  EXPECT_NE(mapped("8.8.5", "4.10").message.find("download order has expired"), std::string::npos);
  EXPECT_NE(mapped("8.10.1", "3.9").message.find("does not know this session"), std::string::npos);
  EXPECT_NE(mapped("8.1.3", "6.1").message.find("certificate or signature"), std::string::npos);
}

TEST(FunctionStatus, SmdsRefusalsNameTheSmds) {
  const ServerStatus unknown_session{"8.10.1", "3.9", "", ""};
  EXPECT_NE(error_from_status("authenticateClient", unknown_session).message.find("the SM-DP+ does not know this session"),
            std::string::npos);
  Error smds = error_from_status("authenticateClient", unknown_session, ServerRole::smds);
  EXPECT_EQ(smds.code, Errc::server_transaction_unknown);
  EXPECT_NE(smds.message.find("the SM-DS does not know this session"), std::string::npos) << smds.message;
  EXPECT_EQ(error_from_status("initiateAuthentication", {"8.9.2", "3.1", "", ""}, ServerRole::smds).code,
            Errc::server_unsupported);
  EXPECT_NE(error_from_status("f", {"8.9.9", "3.1", "", ""}, ServerRole::smds).message.find("the SM-DS cannot serve"),
            std::string::npos);
}

TEST(FunctionStatus, ChildCodesWithoutARowTakeTheirParents) {
  Error profile = mapped("8.2.3", "3.7");  // a profile subject SGP.22 lists without its own sentence here
  EXPECT_EQ(profile.code, Errc::server_function_failed);
  EXPECT_NE(profile.message.find("cannot provide the profile"), std::string::npos) << profile.message;
  EXPECT_EQ(mapped("8.1.4", "6.1").code, Errc::server_euicc_rejected);
  EXPECT_EQ(mapped("8.10.2", "3.9").code, Errc::server_function_failed);  // 8.10 is not 8.1
  EXPECT_NE(mapped("8.10.2", "3.9").message.find("8.10.2"), std::string::npos);
}

TEST(FunctionStatus, UnknownCodesNameTheCodes) {
  Error e = mapped("8.99", "9.9");
  EXPECT_EQ(e.code, Errc::server_function_failed);
  EXPECT_NE(e.message.find("8.99"), std::string::npos);
  EXPECT_NE(e.message.find("9.9"), std::string::npos);
  Error known_reason = mapped("8.42", "3.8");
  EXPECT_NE(known_reason.message.find("refused"), std::string::npos) << known_reason.message;
}

TEST(FunctionStatus, NeverRepeatsTheServersIdentifierOrWords) {
  // A server may echo the matching ID; the message a person sees is built from codes only.
  Error e = error_from_status("authenticateClient", ServerStatus{"8.2.6", "3.8", "SECRET-MATCHING-ID", "SECRET-MATCHING-ID refused"});
  EXPECT_EQ(e.message.find("SECRET"), std::string::npos) << e.message;
  EXPECT_EQ(e.describe().find("SECRET"), std::string::npos) << e.describe();
  ASSERT_TRUE(e.server);
  EXPECT_EQ(e.server->subject_identifier, "SECRET-MATCHING-ID");  // kept for logs that choose to redact
}

}  // namespace
}  // namespace lpad::rsp_binding
