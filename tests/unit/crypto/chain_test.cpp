// SGP.22 certificate paths with the SGP.26 test PKI in shared/pki/sgp26.
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "crypto/chain.h"
#include "crypto_test_data.h"
#include "python_reference.h"

namespace lpad::crypto {
namespace {

using test::hex;
using test_data::certificate;
using test_data::sgp26;

const char* kSgp26Pkid = "F54172BDF98A95D65CBEB88A38A1C11D800A85C3";

std::vector<Certificate> sgp26_cis() {
  return {certificate(sgp26("CERT_CI_ECDSA_NIST.der")), certificate(sgp26("CERT_CI_2017_ECDSA_NIST.der"))};
}

std::time_t utc(int year, int month, int day) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  return timegm(&tm);
}

TEST(Certificate, ReadsSubjectAndAuthorityKeyIdentifiers) {
  auto dp_auth = certificate(sgp26("CERT_S_SM_DPauth_ECDSA_NIST.der"));
  EXPECT_EQ(to_hex(*dp_auth.subject_key_identifier()), "BD5A82CC1A96602118BA7560A1FF83A78B210BE5");
  EXPECT_EQ(to_hex(*dp_auth.authority_key_identifier()), kSgp26Pkid);
}

TEST(Certificate, SelfSignedCiHasNoAuthorityKeyIdentifier) {
  auto ci = certificate(sgp26("CERT_CI_ECDSA_NIST.der"));
  EXPECT_EQ(to_hex(*ci.subject_key_identifier()), kSgp26Pkid);
  EXPECT_FALSE(ci.authority_key_identifier());
}

TEST(Certificate, LoadsPemAsWellAsDer) {
  auto pem = certificate(test::shared_dir() / "pki" / "gsma-ci" / "f54172bdf98a95d65cbeb88a38a1c11d800a85c3.pem");
  EXPECT_EQ(pem.der(), certificate(sgp26("CERT_CI_2017_ECDSA_NIST.der")).der());
}

TEST(Certificate, DerRoundTripsByteForByte) {
  const Bytes der = test::read_file(sgp26("CERT_EUM_ECDSA_NIST.der"));
  EXPECT_EQ(Certificate::from_der(der)->der(), der);
}

TEST(Certificate, TruncatedDerIsABadCertificate) {
  Bytes der = test::read_file(sgp26("CERT_EUM_ECDSA_NIST.der"));
  der.resize(der.size() - 1);
  auto cert = Certificate::from_der(der);
  ASSERT_FALSE(cert);
  EXPECT_EQ(cert.error().code, Errc::crypto_bad_certificate);
  EXPECT_NE(cert.error().message.find("error:"), std::string::npos) << "carries OpenSSL's reason";
}

TEST(CertificateChain, DpAuthChainsToTheSgp26CiAndNamesItsPkid) {
  const auto cis = sgp26_cis();
  auto chain = verify_chain(certificate(sgp26("CERT_S_SM_DPauth_ECDSA_NIST.der")), {}, cis, {.at = {}, .leaf_policy = kPolicyDpAuth});
  ASSERT_TRUE(chain) << chain.error().describe();
  EXPECT_EQ(to_hex(chain->ci_pkid), kSgp26Pkid);
  EXPECT_EQ(chain->ci.der(), cis[0].der());
}

TEST(CertificateChain, DpPbChainsToTheSgp26Ci) {
  auto chain = verify_chain(certificate(sgp26("CERT_S_SM_DPpb_ECDSA_NIST.der")), {}, sgp26_cis(), {.at = {}, .leaf_policy = kPolicyDpPb});
  ASSERT_TRUE(chain) << chain.error().describe();
  EXPECT_EQ(to_hex(chain->ci_pkid), kSgp26Pkid);
}

TEST(CertificateChain, EuiccChainsViaEumToThe2017CiWithinTheEumNameConstraint) {
  const auto cis = sgp26_cis();
  const std::vector<Certificate> eum{certificate(sgp26("CERT_EUM_ECDSA_NIST.der"))};
  auto chain = verify_chain(certificate(sgp26("CERT_EUICC_ECDSA_NIST.der")), eum, cis, {.at = {}, .leaf_policy = kPolicyEuicc});
  ASSERT_TRUE(chain) << chain.error().describe();
  EXPECT_EQ(to_hex(chain->ci_pkid), kSgp26Pkid);
  EXPECT_EQ(chain->ci.der(), cis[1].der());
}

TEST(CertificateChain, CaCertificateIsNotAcceptedAsASigningLeaf) {
  const auto cis = sgp26_cis();
  auto chain = verify_chain(certificate(sgp26("CERT_EUM_ECDSA_NIST.der")), {}, cis);
  ASSERT_FALSE(chain);
  EXPECT_EQ(chain.error().code, Errc::crypto_chain_untrusted);
}

TEST(CertificateChain, EuiccWithoutItsEumDoesNotChain) {
  auto chain = verify_chain(certificate(sgp26("CERT_EUICC_ECDSA_NIST.der")), {}, sgp26_cis());
  ASSERT_FALSE(chain);
  EXPECT_EQ(chain.error().code, Errc::crypto_chain_untrusted);
}

TEST(CertificateChain, DpAuthDoesNotChainToALiveCi) {
  const std::vector<Certificate> live{
      certificate(test::shared_dir() / "pki" / "gsma-ci" / "81370f5125d0b1d408d4c3b232e6d25e795bebfb.pem")};
  auto chain = verify_chain(certificate(sgp26("CERT_S_SM_DPauth_ECDSA_NIST.der")), {}, live);
  ASSERT_FALSE(chain);
  EXPECT_EQ(chain.error().code, Errc::crypto_chain_untrusted);
}

TEST(CertificateChain, DpAuthIsNotAcceptedWhereTheDpPbPolicyIsRequired) {
  auto chain = verify_chain(certificate(sgp26("CERT_S_SM_DPauth_ECDSA_NIST.der")), {}, sgp26_cis(), {.at = {}, .leaf_policy = kPolicyDpPb});
  ASSERT_FALSE(chain);
  EXPECT_EQ(chain.error().code, Errc::crypto_chain_untrusted);
}

TEST(CertificateChain, ValidityIsCheckedOnlyWhenATimeIsGiven) {
  const auto cert = certificate(sgp26("CERT_S_SM_DPauth_ECDSA_NIST.der"));  // valid 2020-04-01 .. 2030-03-30
  EXPECT_TRUE(verify_chain(cert, {}, sgp26_cis(), {.at = utc(2025, 1, 1), .leaf_policy = {}}));
  EXPECT_FALSE(verify_chain(cert, {}, sgp26_cis(), {.at = utc(2031, 1, 1), .leaf_policy = {}}));
  EXPECT_TRUE(verify_chain(cert, {}, sgp26_cis()));
}

// A throw-away CI -> EUM (name constraint O=Test EUM, serialNumber=89049032) -> eUICC for `eid`.
struct GeneratedEumPki {
  std::vector<Certificate> ci;
  std::vector<Certificate> eum;
  Certificate euicc;
};

GeneratedEumPki generated_eum_pki(const std::string& eid) {
  std::istringstream words(test_data::python_reference("eum-pki " + eid));
  std::string ci, eum, euicc;
  words >> ci >> eum >> euicc;
  auto load = [](const std::string& der_hex) {
    auto cert = Certificate::from_der(hex(der_hex));
    if (!cert) throw std::runtime_error("cross_check.py eum-pki: " + cert.error().describe() + " " + der_hex);
    return *cert;
  };
  return {{load(ci)}, {load(eum)}, load(euicc)};
}

TEST(CertificateChain, EuiccWhoseEidStartsWithTheEumPrefixIsAccepted) {
  auto pki = generated_eum_pki("89049032000000000000000000000042");
  auto chain = verify_chain(pki.euicc, pki.eum, pki.ci);
  EXPECT_TRUE(chain) << chain.error().describe();
}

TEST(CertificateChain, EuiccWhoseEidLacksTheEumPrefixIsRejected) {
  auto pki = generated_eum_pki("89049099000000000000000000000042");
  auto chain = verify_chain(pki.euicc, pki.eum, pki.ci);
  ASSERT_FALSE(chain);
  EXPECT_EQ(chain.error().code, Errc::crypto_chain_untrusted);
  EXPECT_NE(chain.error().message.find("name constraints"), std::string::npos) << chain.error().message;
}

TEST(CertificateChain, FindsTheCiForAPkid) {
  const auto cis = sgp26_cis();
  EXPECT_TRUE(find_ci_by_pkid(cis, hex(kSgp26Pkid)));
  EXPECT_FALSE(find_ci_by_pkid(cis, hex("81370F5125D0B1D408D4C3B232E6D25E795BEBFB")));
}

}  // namespace
}  // namespace lpad::crypto
