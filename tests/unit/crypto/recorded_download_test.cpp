// The recorded SGP.26 download in shared/vectors/download-sgp26 (pySim eUICC <-> osmo-smdpp):
// every signature of the session verifies with the certificates of shared/pki/sgp26, and the
// BoundProfilePackage unwraps, from the eUICC's recorded one-time key, to the recorded UPP.
#include <gtest/gtest.h>

#include "crypto/bsp.h"
#include "crypto/ecdsa.h"
#include "crypto/ecka.h"
#include "crypto/keys.h"
#include "crypto/session_keys.h"
#include "crypto/sha256.h"
#include "crypto_test_data.h"
#include "tlv/decoder.h"

namespace lpad::crypto {
namespace {

using test::hex;
using test_data::message;

constexpr tlv::Tag kSignature{0x5F37};
constexpr tlv::Tag kOtpk{0x5F49};
constexpr tlv::Tag kSequence{0x30};

Bytes concat(ByteView a, ByteView b) {
  Bytes out(a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

// The r || s inside a 5F37 DO.
Bytes signature_of(ByteView do_5f37) {
  auto node = tlv::decode(do_5f37, kSignature);
  if (!node) throw std::runtime_error(node.error().describe());
  return Bytes(node->value().begin(), node->value().end());
}

PublicKey key_of(const char* certificate) { return test_data::public_key(test_data::certificate(test_data::sgp26(certificate))); }

void expect_verifies(const char* certificate, ByteView message_bytes, ByteView signature) {
  auto verdict = ecdsa_verify(key_of(certificate), message_bytes, signature);
  EXPECT_TRUE(verdict) << verdict.error().describe();
}

TEST(RecordedDownload, ServerSignature1VerifiesWithDpAuthOverServerSigned1) {
  expect_verifies("CERT_S_SM_DPauth_ECDSA_NIST.der", message(0, "response", "serverSigned1"),
                  signature_of(message(0, "response", "serverSignature1")));
}

TEST(RecordedDownload, ServerSignature1DoesNotVerifyWithDpPb) {
  auto verdict = ecdsa_verify(key_of("CERT_S_SM_DPpb_ECDSA_NIST.der"), message(0, "response", "serverSigned1"),
                              signature_of(message(0, "response", "serverSignature1")));
  ASSERT_FALSE(verdict);
  EXPECT_EQ(verdict.error().code, Errc::crypto_bad_signature);
}

TEST(RecordedDownload, EuiccSignature1VerifiesWithTheEuiccCertificateOverEuiccSigned1) {
  const Bytes response = message(1, "request", "authenticateServerResponse");
  auto ok = tlv::decode(response)->require(tlv::Tag{0xA0});
  ASSERT_TRUE(ok);
  expect_verifies("CERT_EUICC_ECDSA_NIST.der", ok->require(kSequence)->encoded(),
                  Bytes(ok->require(kSignature)->value().begin(), ok->require(kSignature)->value().end()));
}

TEST(RecordedDownload, SmdpSignature2VerifiesWithDpPbOverSmdpSigned2AndEuiccSignature1) {
  const Bytes response = message(1, "request", "authenticateServerResponse");
  auto ok = tlv::decode(response)->require(tlv::Tag{0xA0});
  ASSERT_TRUE(ok);
  const Bytes signed_data = concat(message(1, "response", "smdpSigned2"), ok->require(kSignature)->encoded());
  expect_verifies("CERT_S_SM_DPpb_ECDSA_NIST.der", signed_data, signature_of(message(1, "response", "smdpSignature2")));
}

TEST(RecordedDownload, EuiccSignature2VerifiesOverEuiccSigned2AndTheSmdpSignature2Object) {
  const Bytes response = message(2, "request", "prepareDownloadResponse");
  auto ok = tlv::decode(response)->require(tlv::Tag{0xA0});
  ASSERT_TRUE(ok);
  const Bytes signed_data = concat(ok->require(kSequence)->encoded(), message(1, "response", "smdpSignature2"));
  expect_verifies("CERT_EUICC_ECDSA_NIST.der", signed_data,
                  Bytes(ok->require(kSignature)->value().begin(), ok->require(kSignature)->value().end()));
}

TEST(RecordedDownload, SmdpSignVerifiesWithDpPbOverInitialiseSecureChannelAndEuiccOtpk) {
  const Bytes bpp = test::read_file(test_data::download("bpp.der"));
  auto request = tlv::decode(bpp)->require(tlv::Tag{0xBF23});
  ASSERT_TRUE(request);
  Bytes signed_data;
  for (const auto& child : request->children())
    if (child.tag() != kSignature) signed_data.insert(signed_data.end(), child.encoded().begin(), child.encoded().end());
  const Bytes response = message(2, "request", "prepareDownloadResponse");
  auto euicc_otpk = tlv::decode(response)->require(tlv::Tag{0xA0})->require(kSequence)->require(kOtpk);
  ASSERT_TRUE(euicc_otpk);
  signed_data.insert(signed_data.end(), euicc_otpk->encoded().begin(), euicc_otpk->encoded().end());
  expect_verifies("CERT_S_SM_DPpb_ECDSA_NIST.der", signed_data,
                  Bytes(request->require(kSignature)->value().begin(), request->require(kSignature)->value().end()));
}

TEST(RecordedDownload, EuiccSignPirVerifiesOverProfileInstallationResultData) {
  const Bytes pir = test::read_file(test_data::download("profileInstallationResult.der"));
  auto result = tlv::decode(pir, tlv::Tag{0xBF37});
  ASSERT_TRUE(result) << result.error().describe();
  expect_verifies("CERT_EUICC_ECDSA_NIST.der", result->require(tlv::Tag{0xBF27})->encoded(),
                  Bytes(result->require(kSignature)->value().begin(), result->require(kSignature)->value().end()));
}

// ES10b.LoadBoundProfilePackage on the card side, from the recorded one-time key to the UPP.
TEST(RecordedDownload, BoundProfilePackageUnwrapsToTheRecordedUpp) {
  const auto secrets = test::read_json(test_data::download("euicc-secrets.json"));
  const Bytes bpp_der = test::read_file(test_data::download("bpp.der"));
  auto bpp = tlv::decode(bpp_der, tlv::Tag{0xBF36});
  ASSERT_TRUE(bpp) << bpp.error().describe();
  auto isc = bpp->require(tlv::Tag{0xBF23});
  ASSERT_TRUE(isc);

  auto own = private_key_from_scalar(Curve::nist_p256, hex(secrets.at("otSK.EUICC.ECKA").get<std::string>()));
  auto peer = public_key_from_point(Curve::nist_p256, isc->require(kOtpk)->value());
  ASSERT_TRUE(own && peer);
  auto shs = ecka_shared_secret(*own, *peer);
  ASSERT_TRUE(shs);
  EXPECT_EQ(to_hex(*shs), "49C51B12806EF8BC8CB77CE9F246120C35ED93FF971E543CB8237FE5310E42D1");

  auto crt = isc->require(tlv::Tag{0xA6});
  ASSERT_TRUE(crt);
  auto info = bsp_shared_info(crt->require(tlv::Tag{0x80})->value()[0], crt->require(tlv::Tag{0x81})->value()[0],
                              crt->require(tlv::Tag{0x84})->value(), hex(secrets.at("eid").get<std::string>()));
  ASSERT_TRUE(info);
  auto keys = derive_session_keys(*shs, *info);
  ASSERT_TRUE(keys);
  BspSession session(*keys);

  auto unwrap_sequence = [&](std::uint32_t tag) {
    Bytes plaintext;
    auto sequence = bpp->require(tlv::Tag{tag});
    EXPECT_TRUE(sequence);
    for (const auto& segment : sequence->children()) {
      auto piece = session.unwrap(segment.encoded());
      EXPECT_TRUE(piece) << piece.error().describe();
      if (!piece) return plaintext;
      plaintext.insert(plaintext.end(), piece->plaintext.begin(), piece->plaintext.end());
    }
    return plaintext;
  };
  EXPECT_EQ(unwrap_sequence(0xA0), test::read_file(test_data::download("configureISDP.der")));
  EXPECT_EQ(unwrap_sequence(0xA1), test::read_file(test_data::download("storeMetadata.der")));
  const Bytes replace = unwrap_sequence(0xA2);
  EXPECT_EQ(replace, test::read_file(test_data::download("replaceSessionKeys.der")));
  auto ppk = read_replace_session_keys(replace);
  ASSERT_TRUE(ppk) << ppk.error().describe();
  session.replace_session_keys(*ppk);
  const Bytes upp = unwrap_sequence(0xA3);
  EXPECT_EQ(upp.size(), 12257u);
  EXPECT_EQ(to_hex(*sha256(upp)), "9125FB4C855A5072740B07E908913E114FAAA15F2C5DB7EAB134431B847F10E7");
  EXPECT_EQ(upp, test::read_file(test::shared_dir() / "upp" / "TS48V2-SAIP2-1-BERTLV-UNIQUE.der"));
}

}  // namespace
}  // namespace lpad::crypto
