// ES10b.LoadBoundProfilePackage failures (SGP.22 sections 5.7.6, 2.5.5, 2.6.4): the card stops at
// the first bad piece with a signed ProfileInstallationResult naming the command and the reason,
// keeps that result as a notification, installs nothing, and ends the session.
#include <gtest/gtest.h>

#include <algorithm>

#include "crypto/aes.h"
#include "crypto/bsp.h"
#include "crypto/cmac.h"
#include "crypto/padding.h"
#include "download_fixture.h"

namespace lpad::test {
namespace {

using rsp::BppCommandId;
using rsp::InstallErrorReason;

// osmo-smdpp's fixed PPK (ReplaceSessionKeys in the recording): it protects the 86 segments.
crypto::SessionKeys recorded_ppk() { return {Bytes(16, 0x22), Bytes(16, 0x00), Bytes(16, 0x11)}; }

// The SM-DP+ side of BSP for 86 segments (SGP.22 section 2.6.4.4), to protect a changed package
// the way the recording's SM-DP+ would have: block counter from 1, MAC chained from the PPK's MCV.
std::vector<Bytes> wrap_profile_segments(const std::vector<Bytes>& plaintexts, const crypto::SessionKeys& keys) {
  std::vector<Bytes> segments;
  Bytes mcv = keys.initial_mcv;
  std::uint32_t counter = 1;
  for (const auto& plaintext : plaintexts) {
    auto icv = crypto::bsp_icv(keys.s_enc, counter++);
    auto payload = crypto::aes128_cbc_encrypt(keys.s_enc, *icv, crypto::pad_80(plaintext));
    Bytes header;
    tlv::append_header(header, crypto::kBspEncryptedProfileSegment, payload->size() + crypto::kBspCmacSize);
    Bytes mac_input = mcv;
    mac_input.insert(mac_input.end(), header.begin(), header.end());
    mac_input.insert(mac_input.end(), payload->begin(), payload->end());
    mcv = *crypto::aes128_cmac(keys.s_mac, mac_input);
    Bytes segment = header;
    segment.insert(segment.end(), payload->begin(), payload->end());
    segment.insert(segment.end(), mcv.begin(), mcv.begin() + crypto::kBspCmacSize);
    segments.push_back(std::move(segment));
  }
  return segments;
}

class LoadBoundProfilePackageTest : public DownloadTest {
 protected:
  void prepare_card(veuicc::EuiccState state = {}) {
    start(std::move(state));
    authenticate_and_prepare();
  }

  // The index of the first piece starting with `tag_byte` (e.g. 0x86 for the first profile segment).
  static std::size_t first_piece(const std::vector<Bytes>& pieces, std::uint8_t tag_byte) {
    auto it = std::ranges::find_if(pieces, [&](const Bytes& p) { return p[0] == tag_byte; });
    return static_cast<std::size_t>(it - pieces.begin());
  }

  void expect_failure(const std::vector<Bytes>& pieces, BppCommandId command, InstallErrorReason reason,
                      std::size_t profiles_before = 0) {
    auto error = load_expecting_error(pieces);
    EXPECT_EQ(error.command, command);
    EXPECT_EQ(error.reason, reason);
    EXPECT_EQ(state().profiles.size(), profiles_before);
    EXPECT_EQ(saved_state().profiles.size(), profiles_before);
    // The failed installation is reported to the SM-DP+ too: it waits as a notification.
    ASSERT_FALSE(saved_state().notifications.empty());
    auto pir = rsp::decode_profile_installation_result(*tlv::decode(saved_state().notifications.back().pending_notification));
    ASSERT_TRUE(pir);
    EXPECT_FALSE(pir->data.succeeded());
    expect_session_gone();
  }
};

TEST_F(LoadBoundProfilePackageTest, TamperedMacOfAProfileSegmentIsScp03tSecurityError) {
  prepare_card();
  auto pieces = recorded_bpp_pieces();
  pieces[first_piece(pieces, 0x86) + 2].back() ^= 0x01;  // the C-MAC's last byte
  expect_failure(pieces, BppCommandId::load_profile_elements, InstallErrorReason::scp03t_security_error);
}

TEST_F(LoadBoundProfilePackageTest, SwappedProfileSegmentsAreScp03tSecurityError) {
  prepare_card();
  auto pieces = recorded_bpp_pieces();
  auto first = first_piece(pieces, 0x86);
  std::swap(pieces[first + 1], pieces[first + 2]);
  expect_failure(pieces, BppCommandId::load_profile_elements, InstallErrorReason::scp03t_security_error);
}

TEST_F(LoadBoundProfilePackageTest, StoreMetadataWithoutItsSequenceHeaderIsScp03tStructureError) {
  prepare_card();
  auto pieces = recorded_bpp_pieces();
  pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(first_piece(pieces, 0xA1)));
  expect_failure(pieces, BppCommandId::store_metadata, InstallErrorReason::scp03t_structure_error);
}

TEST_F(LoadBoundProfilePackageTest, TamperedSmdpSignIsInvalidSignature) {
  prepare_card();
  auto pieces = recorded_bpp_pieces();
  pieces[0].back() ^= 0x01;  // the last byte of smdpSign
  expect_failure(pieces, BppCommandId::initialise_secure_channel, InstallErrorReason::invalid_signature);
}

TEST_F(LoadBoundProfilePackageTest, IccidAlreadyInstalledIsRefusedAtStoreMetadata) {
  veuicc::EuiccState existing;
  existing.profiles.push_back(veuicc::InstalledProfile{
      *rsp::decode_profile_metadata(*tlv::decode(es10_vector_der("StoreMetadataRequest-recorded"))),
      hex("A0000005591010FFFFFFFF8900000F00"), rsp::ProfileState::enabled, std::nullopt, "2.999.10",
      "testsmdpplus1.example.com", Bytes(100, 0x00)});
  prepare_card(existing);
  expect_failure(recorded_bpp_pieces(), BppCommandId::store_metadata, InstallErrorReason::iccid_already_exists, 1);
}

TEST_F(LoadBoundProfilePackageTest, PackageLargerThanFreeMemoryIsInsufficientMemory) {
  veuicc::EuiccState small;
  small.configuration.total_nvm = 4 * 1024;  // the recorded package has 12257 bytes
  prepare_card(small);
  expect_failure(recorded_bpp_pieces(), BppCommandId::load_profile_elements, InstallErrorReason::insufficient_memory);
}

TEST_F(LoadBoundProfilePackageTest, PackageForAnotherIccidThanStoreMetadataIsDataMismatch) {
  prepare_card();
  auto pieces = recorded_bpp_pieces();
  auto first = first_piece(pieces, 0x86);
  crypto::BspSession ppk(recorded_ppk());
  std::vector<Bytes> plaintexts;
  for (auto i = first; i < pieces.size(); ++i) plaintexts.push_back(ppk.unwrap(pieces[i])->plaintext);
  ASSERT_TRUE(std::ranges::equal(wrap_profile_segments(plaintexts, recorded_ppk()), std::span(pieces).subspan(first)))
      << "the re-wrapping does not reproduce the SM-DP+'s segments";
  // ProfileHeader.iccid (83 0A 89 49 44 99 99 99 99 90 04 9F) in the first segment: ..0049F -> ..0059F.
  auto& header = plaintexts[0];
  // std::search, not std::ranges::search: clang-14 (the asan preset) cannot form libstdc++ 12's subrange.
  const auto iccid_tlv = hex("830A8949449999999990049F");
  auto iccid = std::search(header.begin(), header.end(), iccid_tlv.begin(), iccid_tlv.end());
  ASSERT_NE(iccid, header.end());
  header[static_cast<std::size_t>(iccid - header.begin()) + 10] = 0x05;
  auto rewrapped = wrap_profile_segments(plaintexts, recorded_ppk());
  std::ranges::copy(rewrapped, pieces.begin() + static_cast<std::ptrdiff_t>(first));
  expect_failure(pieces, BppCommandId::load_profile_elements, InstallErrorReason::data_mismatch);
}

TEST_F(LoadBoundProfilePackageTest, WithoutPrepareDownloadTheCardRefusesTheBpp) {
  start();
  ASSERT_TRUE(get_challenge());
  auto response = send(recorded_bpp_pieces()[0]);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error(), veuicc::sw::conditions_not_satisfied);
  expect_session_gone();
  expect_nothing_installed();
}

}  // namespace
}  // namespace lpad::test
