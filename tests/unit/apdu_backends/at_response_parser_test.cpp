// What modems say, as they say it (ITU-T V.250 5.7, 3GPP TS 27.007): every habit the parser
// must cope with, fed the way a serial port delivers it.
#include "apdu_backends/at/at_response_parser.h"

#include <gtest/gtest.h>

#include "apdu_backends/at/at_commands.h"
#include "support/shared_data.h"

namespace lpad::apdu::at {
namespace {

AtAnswer parse(std::string_view prefix, std::string_view text) {
  AtResponseParser parser{std::string(prefix)};
  EXPECT_TRUE(parser.feed(text)) << "no final result in: " << text;
  return parser.answer();
}

TEST(AtResponseParser, OkAlone) {
  auto answer = parse("", "\r\nOK\r\n");
  EXPECT_TRUE(answer.ok());
  EXPECT_TRUE(answer.information.empty());
  EXPECT_EQ(answer.final_line, "OK");
}

TEST(AtResponseParser, InformationThenOk) {
  auto answer = parse("+CGLA:", "\r\n+CGLA: 4,\"9000\"\r\n\r\nOK\r\n");
  EXPECT_TRUE(answer.ok());
  EXPECT_EQ(answer.information, (std::vector<std::string>{"+CGLA: 4,\"9000\""}));
}

TEST(AtResponseParser, TheEchoOfTheCommandIsSkipped) {
  auto answer = parse("+CSIM:", "AT+CSIM=10,\"0070000001\"\r\r\n+CSIM: 6,\"019000\"\r\n\r\nOK\r\n");
  EXPECT_EQ(answer.information, (std::vector<std::string>{"+CSIM: 6,\"019000\""}));
  // In lower case, and cut short where the modem's line buffer overflowed.
  answer = parse("", "at+cgsn\r\r\n356938035643809\r\n\r\nOK\r\n");
  EXPECT_EQ(answer.information, (std::vector<std::string>{"356938035643809"}));
  answer = parse("", "AT+CSIM=522,\"80E2910000AAAA\r\nERROR\r\n");
  EXPECT_TRUE(answer.information.empty());
  EXPECT_EQ(answer.final_result, FinalResult::error);
}

TEST(AtResponseParser, UnsolicitedResultCodesAreSetApart) {
  auto answer = parse("+CGLA:",
                      "\r\n+CREG: 1\r\n\r\nRING\r\n\r\n^MODE: 17,17\r\n\r\n+CGLA: 4,\"6115\"\r\n"
                      "\r\n+CEREG: 1,\"1A2B\",\"01234567\",7\r\n\r\nOK\r\n");
  EXPECT_TRUE(answer.ok());
  EXPECT_EQ(answer.information, (std::vector<std::string>{"+CGLA: 4,\"6115\""}));
  EXPECT_EQ(answer.unsolicited,
            (std::vector<std::string>{"+CREG: 1", "RING", "^MODE: 17,17", "+CEREG: 1,\"1A2B\",\"01234567\",7"}));
}

TEST(AtResponseParser, AnUnsolicitedCodeBeforeTheEchoAndAfterTheOk) {
  AtResponseParser parser{"+CCHO:"};
  EXPECT_TRUE(parser.feed("\r\n^BOOT:1,0,0,0\r\nAT+CCHO=\"A0\"\r\r\n+CCHO: 2\r\n\r\nOK\r\n\r\n+CREG: 5\r\n"));
  EXPECT_EQ(parser.answer().unsolicited, (std::vector<std::string>{"^BOOT:1,0,0,0"}));
  EXPECT_EQ(parser.answer().information, (std::vector<std::string>{"+CCHO: 2"}));
  EXPECT_EQ(parser.leftover(), "+CREG: 5\r\n");  // after the final result: not this answer's
}

TEST(AtResponseParser, AnAnswerSplitAcrossReadsAnywhere) {
  std::string text = "AT+CGLA=1,22,\"81E2910006BF3E035C015A\"\r\r\n+CGLA: 46,\"BF3E125A10890490321234512345123456789012359000\"\r\n\r\nOK\r\n";
  for (std::size_t piece = 1; piece <= 7; ++piece) {
    AtResponseParser parser{"+CGLA:"};
    const std::size_t final_line_end = text.rfind("OK\r") + 2;
    bool done = false;
    for (std::size_t at = 0; at < text.size(); at += piece) {
      EXPECT_EQ(done, at > final_line_end) << "piece " << piece << " at " << at;
      done = parser.feed(std::string_view(text).substr(at, piece));
    }
    ASSERT_TRUE(done) << piece;
    auto response = parse_apdu_answer(parser.answer(), "+CGLA:");
    ASSERT_TRUE(response) << response.error().describe();
    EXPECT_EQ(to_hex(response->data), "BF3E125A1089049032123451234512345678901235");
  }
}

TEST(AtResponseParser, NotCompleteWithoutTheLineEnd) {
  AtResponseParser parser;
  EXPECT_FALSE(parser.feed("\r\nOK"));
  EXPECT_FALSE(parser.complete());
  EXPECT_TRUE(parser.feed("\r\n"));
}

TEST(AtResponseParser, PlainErrorAndVendorSpellings) {
  EXPECT_EQ(parse("", "\r\nERROR\r\n").final_result, FinalResult::error);
  EXPECT_EQ(parse("", "\r\nCOMMAND NOT SUPPORT\r\n").final_result, FinalResult::error);
}

TEST(AtResponseParser, NumericCmeError) {
  auto answer = parse("+CGLA:", "\r\n+CME ERROR: 10\r\n");
  EXPECT_EQ(answer.final_result, FinalResult::equipment_error);
  EXPECT_EQ(answer.error_code, kCmeSimNotInserted);
  EXPECT_EQ(answer.error_text, "SIM not inserted");
  EXPECT_EQ(answer.describe_final(), "+CME ERROR: 10 (SIM not inserted)");
  EXPECT_EQ(parse("", "\r\n+CME ERROR: 777\r\n").describe_final(), "+CME ERROR: 777");
}

TEST(AtResponseParser, VerboseCmeErrorKeepsTheModemsWords) {
  auto answer = parse("", "\r\n+CME ERROR: SIM busy\r\n");
  EXPECT_EQ(answer.final_result, FinalResult::equipment_error);
  EXPECT_FALSE(answer.error_code);
  EXPECT_EQ(answer.error_text, "SIM busy");
  EXPECT_EQ(parse("", "\r\n+CMS ERROR: 500\r\n").final_result, FinalResult::equipment_error);
}

TEST(AtResponseParser, ANoCarrierWhileWaitingIsUnsolicited) {
  auto answer = parse("", "\r\nNO CARRIER\r\n\r\nOK\r\n");
  EXPECT_TRUE(answer.ok());
  EXPECT_EQ(answer.unsolicited, (std::vector<std::string>{"NO CARRIER"}));
}

// --- AT+CCHO -----------------------------------------------------------------------------

TEST(OpenChannelAnswer, PrefixedBareAndQuoted) {
  EXPECT_EQ(parse_open_channel_answer(parse("+CCHO:", "\r\n+CCHO: 1\r\n\r\nOK\r\n")).value(), 1u);
  EXPECT_EQ(parse_open_channel_answer(parse("+CCHO:", "\r\n+CCHO:3\r\n\r\nOK\r\n")).value(), 3u);
  EXPECT_EQ(parse_open_channel_answer(parse("+CCHO:", "\r\n2\r\n\r\nOK\r\n")).value(), 2u);
  EXPECT_EQ(parse_open_channel_answer(parse("+CCHO:", "\r\n+CCHO: \"4\"\r\n\r\nOK\r\n")).value(), 4u);
  // Session ids of some modems are not channel numbers.
  EXPECT_EQ(parse_open_channel_answer(parse("+CCHO:", "\r\n+CCHO: 305419896\r\n\r\nOK\r\n")).value(), 305419896u);
}

TEST(OpenChannelAnswer, WithUrcsAndEchoAround) {
  auto answer = parse("+CCHO:", "AT+CCHO=\"A0000005591010FFFFFFFF8900000100\"\r\r\n+CREG: 1\r\n\r\n1\r\n\r\nOK\r\n");
  EXPECT_EQ(parse_open_channel_answer(answer).value(), 1u);
}

TEST(OpenChannelAnswer, NoNumberIsAProtocolError) {
  auto none = parse_open_channel_answer(parse("+CCHO:", "\r\nOK\r\n"));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, Errc::apdu_protocol_error);
  EXPECT_FALSE(parse_open_channel_answer(parse("+CCHO:", "\r\n+CCHO: one\r\n\r\nOK\r\n")));
}

// --- AT+CGLA and AT+CSIM -----------------------------------------------------------------

TEST(ApduAnswer, DataAndStatusWord) {
  auto response = parse_apdu_answer(parse("+CSIM:", "\r\n+CSIM: 6,\"019000\"\r\n\r\nOK\r\n"), "+CSIM:");
  ASSERT_TRUE(response) << response.error().describe();
  EXPECT_EQ(to_hex(response->data), "01");
  EXPECT_EQ(response->status, StatusWord{0x9000});
}

TEST(ApduAnswer, SixtyOneXxIsPassedUp) {
  auto response = parse_apdu_answer(parse("+CGLA:", "\r\n+CGLA: 4,\"6115\"\r\n\r\nOK\r\n"), "+CGLA:");
  ASSERT_TRUE(response);
  EXPECT_TRUE(response->data.empty());
  EXPECT_EQ(response->status, StatusWord{0x6115});
}

TEST(ApduAnswer, UnquotedAndLowerCaseHex) {
  auto response = parse_apdu_answer(parse("+CGLA:", "\r\n+CGLA: 6,aa9000\r\n\r\nOK\r\n"), "+CGLA:");
  ASSERT_TRUE(response) << response.error().describe();
  EXPECT_EQ(to_hex(response->data), "AA");
}

TEST(ApduAnswer, MalformedAnswersAreProtocolErrors) {
  for (std::string_view text : {"\r\n+CGLA: 6,\"9000\"\r\n\r\nOK\r\n",  // length says 6, carries 4
                                "\r\n+CGLA: 2,\"90\"\r\n\r\nOK\r\n",     // no status word
                                "\r\n+CGLA: 4,\"90ZZ\"\r\n\r\nOK\r\n",   // not hex
                                "\r\n+CGLA: \"9000\"\r\n\r\nOK\r\n",     // no length
                                "\r\nOK\r\n"}) {                          // no answer line
    auto response = parse_apdu_answer(parse("+CGLA:", text), "+CGLA:");
    ASSERT_FALSE(response) << text;
    EXPECT_EQ(response.error().code, Errc::apdu_protocol_error) << text;
  }
}

// --- Command lines --------------------------------------------------------------------------

TEST(AtCommands, Formats) {
  auto aid = lpad::test::hex("A0000005591010FFFFFFFF8900000100");
  EXPECT_EQ(ccho_command(aid), "AT+CCHO=\"A0000005591010FFFFFFFF8900000100\"");
  EXPECT_EQ(cgla_command(1, lpad::test::hex("81E2910006BF3E035C015A")), "AT+CGLA=1,22,\"81E2910006BF3E035C015A\"");
  EXPECT_EQ(csim_command(lpad::test::hex("0070000001")), "AT+CSIM=10,\"0070000001\"");
  EXPECT_EQ(cchc_command(3), "AT+CCHC=3");
}

}  // namespace
}  // namespace lpad::apdu::at
