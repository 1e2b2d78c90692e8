#include "qr/activation_code.h"

#include <gtest/gtest.h>

namespace lpad::qr {
namespace {

Errc error_of(std::string_view text) {
  auto r = parse_activation_code(text);
  EXPECT_FALSE(r) << text;
  return r ? Errc{} : r.error().code;
}

TEST(ActivationCode, ParsesAddressAndMatchingId) {
  auto code = parse_activation_code("LPA:1$rsp.example.com$QR-G-5C-1LS-1W1Z9P7");
  ASSERT_TRUE(code);
  EXPECT_EQ(code->smdp_address, "rsp.example.com");
  EXPECT_EQ(code->matching_id, "QR-G-5C-1LS-1W1Z9P7");
  EXPECT_FALSE(code->smdp_oid);
  EXPECT_FALSE(code->confirmation_code_required);
}

TEST(ActivationCode, PrefixIsOptional) {
  EXPECT_EQ(*parse_activation_code("1$rsp.example.com$ABC"), *parse_activation_code("LPA:1$rsp.example.com$ABC"));
}

TEST(ActivationCode, AddressMayCarryAPort) {
  EXPECT_EQ(parse_activation_code("LPA:1$smdp.test.lpad:8443$ABC")->smdp_address, "smdp.test.lpad:8443");
}

TEST(ActivationCode, EmptyMatchingIdIsAllowed) {
  auto code = parse_activation_code("LPA:1$rsp.example.com$");
  ASSERT_TRUE(code);
  EXPECT_EQ(code->matching_id, "");
}

TEST(ActivationCode, OidAndConfirmationFlag) {
  auto code = parse_activation_code("LPA:1$rsp.example.com$ABC$1.3.6.1.4.1.31746$1");
  ASSERT_TRUE(code);
  EXPECT_EQ(code->smdp_oid, "1.3.6.1.4.1.31746");
  EXPECT_TRUE(code->confirmation_code_required);
}

TEST(ActivationCode, EmptyOidWithConfirmationFlag) {
  auto code = parse_activation_code("LPA:1$rsp.example.com$ABC$$1");
  ASSERT_TRUE(code);
  EXPECT_FALSE(code->smdp_oid);
  EXPECT_TRUE(code->confirmation_code_required);
}

TEST(ActivationCode, EmptyTrailingFieldsMeanAbsent) {
  auto code = parse_activation_code("LPA:1$rsp.example.com$ABC$$");
  ASSERT_TRUE(code);
  EXPECT_FALSE(code->smdp_oid);
  EXPECT_FALSE(code->confirmation_code_required);
}

TEST(ActivationCode, RejectsEmptyInput) { EXPECT_EQ(error_of(""), Errc::ac_empty); }

TEST(ActivationCode, RejectsOtherFormatVersions) {
  EXPECT_EQ(error_of("LPA:2$rsp.example.com$ABC"), Errc::ac_unsupported_format);
  EXPECT_EQ(error_of("rsp.example.com$ABC"), Errc::ac_unsupported_format);
}

TEST(ActivationCode, RejectsMissingAddress) {
  EXPECT_EQ(error_of("LPA:1"), Errc::ac_missing_address);
  EXPECT_EQ(error_of("LPA:1$$ABC"), Errc::ac_missing_address);
}

TEST(ActivationCode, RejectsMissingMatchingIdField) {
  EXPECT_EQ(error_of("LPA:1$rsp.example.com"), Errc::ac_invalid_matching_id);
}

TEST(ActivationCode, RejectsAddressWithScheme) {
  EXPECT_EQ(error_of("LPA:1$https://rsp.example.com$ABC"), Errc::ac_invalid_address);
}

TEST(ActivationCode, RejectsAddressWithPath) {
  EXPECT_EQ(error_of("LPA:1$rsp.example.com/gsma/rsp2$ABC"), Errc::ac_invalid_address);
}

TEST(ActivationCode, RejectsAddressThatIsNoHostName) {
  EXPECT_EQ(error_of("LPA:1$rsp example.com$ABC"), Errc::ac_invalid_address);
  EXPECT_EQ(error_of("LPA:1$rsp..example.com$ABC"), Errc::ac_invalid_address);
  EXPECT_EQ(error_of("LPA:1$-rsp.example.com$ABC"), Errc::ac_invalid_address);
  EXPECT_EQ(error_of("LPA:1$rsp.example.com.$ABC"), Errc::ac_invalid_address);
}

TEST(ActivationCode, RejectsInvalidPorts) {
  EXPECT_EQ(error_of("LPA:1$rsp.example.com:0$ABC"), Errc::ac_invalid_address);
  EXPECT_EQ(error_of("LPA:1$rsp.example.com:65536$ABC"), Errc::ac_invalid_address);
  EXPECT_EQ(error_of("LPA:1$rsp.example.com:$ABC"), Errc::ac_invalid_address);
  EXPECT_EQ(error_of("LPA:1$rsp.example.com:https$ABC"), Errc::ac_invalid_address);
}

TEST(ActivationCode, RejectsControlCharactersWithTheirOffset) {
  auto r = parse_activation_code("LPA:1$rsp.example.com$AB\nC");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::ac_control_character);
  EXPECT_EQ(r.error().offset, 24u);
  EXPECT_EQ(error_of(std::string_view("LPA:1$rsp.example.com$AB\0C", 27)), Errc::ac_control_character);
}

TEST(ActivationCode, RejectsOverLongFields) {
  EXPECT_EQ(error_of("LPA:1$rsp.example.com$" + std::string(kMaxMatchingIdLength + 1, 'A')), Errc::ac_field_too_long);
  EXPECT_EQ(error_of("LPA:1$" + std::string(300, 'a') + "$ABC"), Errc::ac_field_too_long);
  EXPECT_EQ(error_of("LPA:1$rsp.example.com$ABC$1." + std::string(200, '1')), Errc::ac_field_too_long);
  EXPECT_EQ(error_of(std::string(kMaxActivationCodeLength + 1, 'A')), Errc::ac_field_too_long);
}

TEST(ActivationCode, RejectsLabelLongerThan63Characters) {
  EXPECT_EQ(error_of("LPA:1$" + std::string(64, 'a') + ".com$ABC"), Errc::ac_invalid_address);
}

TEST(ActivationCode, RejectsMalformedOid) {
  EXPECT_EQ(error_of("LPA:1$rsp.example.com$ABC$1..2"), Errc::ac_invalid_oid);
  EXPECT_EQ(error_of("LPA:1$rsp.example.com$ABC$abc"), Errc::ac_invalid_oid);
  EXPECT_EQ(error_of("LPA:1$rsp.example.com$ABC$1"), Errc::ac_invalid_oid);
}

TEST(ActivationCode, RejectsConfirmationFlagOtherThanOne) {
  EXPECT_EQ(error_of("LPA:1$rsp.example.com$ABC$$0"), Errc::ac_invalid_confirmation_flag);
  EXPECT_EQ(error_of("LPA:1$rsp.example.com$ABC$$yes"), Errc::ac_invalid_confirmation_flag);
}

TEST(ActivationCode, RejectsTooManyFields) {
  EXPECT_EQ(error_of("LPA:1$rsp.example.com$ABC$1.2$1$extra"), Errc::ac_too_many_fields);
}

TEST(ActivationCode, ErrorsNeverEchoTheWholeMatchingId) {
  const std::string secret = "SECRET-MATCHING-ID-0123456789";
  for (const auto& text : {"LPA:1$rsp.example.com$" + secret + "$$0",
                           "LPA:1$rsp.example.com$" + secret + std::string(300, 'X'),
                           "LPA:1$https://rsp.example.com$" + secret,
                           "LPA:1$rsp.example.com$" + secret + "$bad oid",
                           "LPA:1$rsp.example.com$" + secret + "$1.2$1$x",
                           "LPA:1$rsp.example.com$" + secret + "\t",
                           "LPA:9$rsp.example.com$" + secret,
                           secret}) {
    auto r = parse_activation_code(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().message.find("MATCHING-ID"), std::string::npos) << r.error().message;
  }
}

TEST(ActivationCode, ErrorsShowBytesThatAreNotPrintableAsHexEscapes) {
  auto r = parse_activation_code("LPA:1$rsp\xFF.example.com$ABC");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("'\\xFF'"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find('\xFF'), std::string::npos) << r.error().message;
}

TEST(ActivationCode, FormatsTheCanonicalForm) {
  EXPECT_EQ(format_activation_code({"rsp.example.com", "ABC", std::nullopt, false}), "LPA:1$rsp.example.com$ABC");
  EXPECT_EQ(format_activation_code({"rsp.example.com", "ABC", "1.2.3", false}), "LPA:1$rsp.example.com$ABC$1.2.3");
  EXPECT_EQ(format_activation_code({"rsp.example.com", "ABC", std::nullopt, true}), "LPA:1$rsp.example.com$ABC$$1");
}

TEST(ActivationCode, FormatThenParseRoundTrips) {
  for (const auto& code : {ActivationCode{"a.b:443", "", std::nullopt, false}, ActivationCode{"x.y", "M-1", "2.999", true}}) {
    EXPECT_EQ(*parse_activation_code(format_activation_code(code)), code);
  }
}

}  // namespace
}  // namespace lpad::qr
