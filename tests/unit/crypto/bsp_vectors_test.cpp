// BSP (SGP.22 section 2.6.4) against every case of shared/vectors/bsp.json, recorded from pySim.
#include <gtest/gtest.h>

#include <string>

#include "crypto/bsp.h"
#include "crypto/cmac.h"
#include "crypto/session_keys.h"
#include "support/shared_data.h"

namespace lpad::crypto {
namespace {

using test::hex;

const nlohmann::json& bsp_vectors() {
  static const auto doc = test::read_json(test::shared_dir() / "vectors" / "bsp.json");
  return doc;
}

Bytes field(const nlohmann::json& object, const char* name) { return hex(object.at(name).get<std::string>()); }

SessionKeys session_keys_of(const nlohmann::json& vector_case) {
  const auto& kdf = vector_case.at("kdf");
  return SessionKeys{field(kdf, "initialMCV"), field(kdf, "S-ENC"), field(kdf, "S-MAC")};
}

bool is_replace_session_keys(const Bytes& plaintext) {
  return plaintext.size() > 2 && plaintext[0] == 0xBF && plaintext[1] == 0x26;
}

TEST(BspKeyDerivation, SharedInfoIsKeyTypeKeyLengthHostIdAndEidWithLengths) {
  for (const auto& c : bsp_vectors().at("cases")) {
    SCOPED_TRACE(c.at("id").get<std::string>());
    const auto& in = c.at("inputs");
    auto info = bsp_shared_info(in.at("keyType").get<std::uint8_t>(), in.at("keyLength").get<std::uint8_t>(),
                                field(in, "hostId"), field(in, "EID"));
    ASSERT_TRUE(info) << info.error().describe();
    EXPECT_EQ(to_hex(*info), to_hex(field(c.at("kdf"), "sharedInfo")));
  }
}

TEST(BspKeyDerivation, X963KdfOfShsGivesInitialMcvThenSEncThenSMac) {
  for (const auto& c : bsp_vectors().at("cases")) {
    SCOPED_TRACE(c.at("id").get<std::string>());
    auto keys = derive_session_keys(field(c.at("inputs"), "ShS"), field(c.at("kdf"), "sharedInfo"));
    ASSERT_TRUE(keys) << keys.error().describe();
    const auto expected = session_keys_of(c);
    EXPECT_EQ(to_hex(keys->initial_mcv), to_hex(expected.initial_mcv));
    EXPECT_EQ(to_hex(keys->s_enc), to_hex(expected.s_enc));
    EXPECT_EQ(to_hex(keys->s_mac), to_hex(expected.s_mac));
  }
}

TEST(BspKeyDerivation, OnlyAes128KeyLengthIsAccepted) {
  auto keys = derive_session_keys(Bytes(32, 1), Bytes(10, 2), 0x20);
  ASSERT_FALSE(keys);
  EXPECT_EQ(keys.error().code, Errc::crypto_bad_input);
}

TEST(BspIcv, IsAesOfTheBlockCounterUnderSEnc) {
  for (const auto& c : bsp_vectors().at("cases")) {
    SessionKeys keys = session_keys_of(c);
    for (const auto& step : c.at("steps")) {
      SCOPED_TRACE(c.at("id").get<std::string>() + " step " + std::to_string(step.at("step").get<int>()));
      if (step.at("icv").is_null()) continue;
      const bool under_ppk = step.at("keys").get<std::string>().rfind("PPK", 0) == 0;
      const Bytes s_enc = under_ppk ? field(c.at("ppk"), "ppkEnc") : keys.s_enc;
      auto icv = bsp_icv(s_enc, step.at("block_counter_used").get<std::uint32_t>());
      ASSERT_TRUE(icv) << icv.error().describe();
      EXPECT_EQ(to_hex(*icv), to_hex(field(step, "icv")));
    }
  }
}

TEST(BspCmac, IsAesCmacOfMacInputAndTheCMacItsFirstEightBytes) {
  for (const auto& c : bsp_vectors().at("cases")) {
    for (const auto& step : c.at("steps")) {
      SCOPED_TRACE(c.at("id").get<std::string>() + " step " + std::to_string(step.at("step").get<int>()));
      const bool under_ppk = step.at("keys").get<std::string>().rfind("PPK", 0) == 0;
      const Bytes s_mac = under_ppk ? field(c.at("ppk"), "ppkCmac") : session_keys_of(c).s_mac;
      auto mac = aes128_cmac(s_mac, field(step, "mac_input"));
      ASSERT_TRUE(mac) << mac.error().describe();
      EXPECT_EQ(to_hex(*mac), to_hex(field(step, "full_cmac")));
      EXPECT_EQ(to_hex(ByteView(*mac).first(kBspCmacSize)), to_hex(field(step, "c_mac")));
    }
  }
}

TEST(BspSession, UnwrapsEverySegmentOfEveryCaseToItsPlaintext) {
  for (const auto& c : bsp_vectors().at("cases")) {
    BspSession session(session_keys_of(c));
    for (const auto& step : c.at("steps")) {
      SCOPED_TRACE(c.at("id").get<std::string>() + " step " + std::to_string(step.at("step").get<int>()));
      EXPECT_EQ(session.block_counter(), step.at("block_counter_used").get<std::uint32_t>());
      EXPECT_EQ(to_hex(session.mac_chaining_value()), to_hex(field(step, "mcv_before")));

      auto segment = session.unwrap(field(step, "wrapped_tlv"));
      ASSERT_TRUE(segment) << segment.error().describe();
      EXPECT_EQ(to_hex(segment->plaintext), to_hex(field(step, "plaintext")));
      EXPECT_EQ(to_hex(session.mac_chaining_value()), to_hex(field(step, "mcv_after")));
      EXPECT_EQ(session.block_counter(), step.at("block_counter_after").get<std::uint32_t>());

      if (is_replace_session_keys(segment->plaintext)) {
        auto ppk = read_replace_session_keys(segment->plaintext);
        ASSERT_TRUE(ppk) << ppk.error().describe();
        session.replace_session_keys(*ppk);
      }
    }
  }
}

TEST(BspSession, ReplaceSessionKeysCarriesTheMcvFirstThenPpkEncThenPpkCmac) {
  const auto& c = bsp_vectors().at("cases").at(1);
  const auto& step = c.at("steps").at(2);
  auto ppk = read_replace_session_keys(field(step, "plaintext"));
  ASSERT_TRUE(ppk) << ppk.error().describe();
  EXPECT_EQ(to_hex(ppk->initial_mcv), to_hex(field(c.at("ppk"), "initialMacChainingValue")));
  EXPECT_EQ(to_hex(ppk->s_enc), to_hex(field(c.at("ppk"), "ppkEnc")));
  EXPECT_EQ(to_hex(ppk->s_mac), to_hex(field(c.at("ppk"), "ppkCmac")));
}

TEST(BspSession, MacOnlySegmentAdvancesTheBlockCounter) {
  const auto& c = bsp_vectors().at("cases").at(0);
  BspSession session(session_keys_of(c));
  ASSERT_TRUE(session.unwrap(field(c.at("steps").at(0), "wrapped_tlv")));
  const auto before = session.block_counter();
  auto segment = session.unwrap(field(c.at("steps").at(1), "wrapped_tlv"));
  ASSERT_TRUE(segment) << segment.error().describe();
  EXPECT_EQ(segment->tag, kBspMacOnlyCommand);
  EXPECT_EQ(session.block_counter(), before + 1);
}

TEST(BspSession, ReplaceSessionKeysRestartsTheBlockCounterAtOne) {
  const auto& c = bsp_vectors().at("cases").at(1);
  BspSession session(session_keys_of(c));
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(session.unwrap(field(c.at("steps").at(i), "wrapped_tlv")));
  ASSERT_EQ(session.block_counter(), 4u);
  const auto& ppk = c.at("ppk");
  session.replace_session_keys({field(ppk, "initialMacChainingValue"), field(ppk, "ppkEnc"), field(ppk, "ppkCmac")});
  EXPECT_EQ(session.block_counter(), 1u);
  EXPECT_TRUE(session.unwrap(field(c.at("steps").at(3), "wrapped_tlv")));
}

TEST(BspSession, WrongCMacIsABadMacError) {
  const auto& c = bsp_vectors().at("cases").at(0);
  BspSession session(session_keys_of(c));
  Bytes segment = field(c.at("steps").at(0), "wrapped_tlv");
  segment.back() ^= 0x01;
  auto result = session.unwrap(segment);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::crypto_bad_mac);
}

TEST(BspSession, AlteredCiphertextIsABadMacError) {
  const auto& c = bsp_vectors().at("cases").at(0);
  BspSession session(session_keys_of(c));
  Bytes segment = field(c.at("steps").at(0), "wrapped_tlv");
  segment[4] ^= 0x80;
  auto result = session.unwrap(segment);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::crypto_bad_mac);
}

TEST(BspSession, SegmentsOutOfOrderFailTheMacChain) {
  const auto& c = bsp_vectors().at("cases").at(0);
  BspSession session(session_keys_of(c));
  auto result = session.unwrap(field(c.at("steps").at(1), "wrapped_tlv"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::crypto_bad_mac);
}

TEST(BspSession, RefusesEverySegmentAfterOneFailed) {
  const auto& c = bsp_vectors().at("cases").at(0);
  BspSession session(session_keys_of(c));
  Bytes bad = field(c.at("steps").at(0), "wrapped_tlv");
  bad.back() ^= 0x01;
  ASSERT_FALSE(session.unwrap(bad));
  auto result = session.unwrap(field(c.at("steps").at(0), "wrapped_tlv"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::crypto_session_failed);
}

TEST(BspSession, TagOtherThan86To88IsABadSegment) {
  const auto& c = bsp_vectors().at("cases").at(0);
  BspSession session(session_keys_of(c));
  Bytes segment = field(c.at("steps").at(0), "wrapped_tlv");
  segment[0] = 0x85;
  auto result = session.unwrap(segment);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::crypto_bad_segment);
}

TEST(BspSession, EncryptedSegmentThatIsNotWholeBlocksIsABadSegment) {
  const auto& c = bsp_vectors().at("cases").at(0);
  BspSession session(session_keys_of(c));
  auto result = session.unwrap(hex("8709 00112233 4455667788"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::crypto_bad_segment);
}

}  // namespace
}  // namespace lpad::crypto
