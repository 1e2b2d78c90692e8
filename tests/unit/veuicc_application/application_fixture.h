// Drives the software eUICC's ES10 application in process: the SGP.26 identity from ../shared,
// a state file in a fresh temporary folder, profiles seeded straight into the state (from the
// recorded vectors) since no download exists in these tests.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rsp/notification.h"
#include "rsp/profile.h"
#include "support/shared_data.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"
#include "veuicc/application/euicc_application.h"

namespace lpad::test {

// Printed as hex in failure messages, so that a wrong answer is readable.
inline std::string hex_of(const veuicc::Es10Response& response) {
  if (!response) return "SW " + to_hex(Bytes{response.error().sw1(), response.error().sw2()});
  return to_hex(*response);
}

inline veuicc::InstalledProfile profile_from_info(const rsp::ProfileInfo& info) {
  rsp::ProfileMetadata metadata{*info.iccid,
                                info.service_provider_name.value_or(""),
                                info.profile_name.value_or(""),
                                info.icon_type,
                                info.icon,
                                info.profile_class.value_or(rsp::ProfileClass::operational),
                                info.notification_configuration,
                                info.profile_owner,
                                info.policy_rules};
  return veuicc::InstalledProfile{std::move(metadata), info.isdp_aid.value_or(Bytes{}),
                                  info.state.value_or(rsp::ProfileState::disabled), info.nickname,
                                  "", "testsmdpplus1.example.com", {}};
}

// The two profiles of ProfileInfoListResponse-two-profiles: 8949449999999990049F (operational,
// enabled, nickname and icon, AID ..00001000) and 89000123456789012341 (test, disabled, ..00001100).
inline std::vector<veuicc::InstalledProfile> recorded_two_profiles() {
  static const Bytes der = es10_vector_der("ProfileInfoListResponse-two-profiles");
  auto response = tlv::decode(der);
  std::vector<veuicc::InstalledProfile> profiles;
  for (const auto& e3 : response->find(tlv::Tag{0xA0})->children()) profiles.push_back(profile_from_info(*rsp::decode_profile_info(e3)));
  return profiles;
}

// The profile of StoreMetadataRequest-recorded: operational, with notifications for enable,
// disable and delete to testsmdpplus1.example.com; disabled, AID ..00001200.
inline veuicc::InstalledProfile recorded_notifying_profile() {
  static const Bytes der = es10_vector_der("StoreMetadataRequest-recorded");
  return veuicc::InstalledProfile{*rsp::decode_profile_metadata(*tlv::decode(der)),
                                  hex("A0000005591010FFFFFFFF8900001200"),
                                  rsp::ProfileState::disabled,
                                  std::nullopt,
                                  "",
                                  "testsmdpplus1.example.com",
                                  Bytes(4000, 0x5A)};
}

class ApplicationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "lpad-veuicc-app-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    card_dir_ = root_ / "card";
    std::filesystem::create_directory(card_dir_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }

  std::filesystem::path state_path() const { return card_dir_ / "state.json"; }

  // Writes `state` as the card's state file and powers the card up with it.
  void start(const veuicc::EuiccState& state) {
    ASSERT_TRUE(veuicc::StateFile(state_path()).save(state).has_value());
    restart();
  }
  // A new application from what the state file holds, as after the program restarts.
  void restart() {
    app_.reset();
    auto identity = veuicc::Identity::load(shared_dir() / "pki" / "sgp26");
    ASSERT_TRUE(identity.has_value()) << identity.error().describe();
    auto state = veuicc::StateFile(state_path()).load();
    ASSERT_TRUE(state.has_value()) << state.error().describe();
    app_.emplace(std::move(*identity), veuicc::StateFile(state_path()), std::move(*state));
  }

  veuicc::Es10Response send(ByteView command) { return app_->process(command, {}); }
  veuicc::Es10Response send(const tlv::Element& command) { return send(command.encode()); }
  // The response data, or an empty buffer (and a test failure) when a status word came back.
  Bytes answer(const tlv::Element& command) {
    auto response = send(command);
    EXPECT_TRUE(response.has_value()) << hex_of(response);
    return response ? *response : Bytes{};
  }
  Bytes answer(ByteView command) {
    auto response = send(command);
    EXPECT_TRUE(response.has_value()) << hex_of(response);
    return response ? *response : Bytes{};
  }

  const veuicc::EuiccState& state() const { return app_->state(); }
  veuicc::EuiccState saved_state() const { return *veuicc::StateFile(state_path()).load(); }

  // The card's NVM stops working: the state file's folder disappears, which no write survives
  // (a read-only folder would not stop these tests when they run as root).
  void break_nvm() { std::filesystem::rename(card_dir_, root_ / "card-away"); }
  void repair_nvm() { std::filesystem::rename(root_ / "card-away", card_dir_); }

  std::filesystem::path root_;
  std::filesystem::path card_dir_;
  std::optional<veuicc::EuiccApplication> app_;
};

// ES10 commands built the way the ASN.1 lays them out.
namespace cmd {
using tlv::Element;
using tlv::Tag;
inline Element empty(std::uint32_t tag) { return Element::constructed(Tag{tag}); }
inline Element iccid(std::string_view digits) { return tlv::iccid(Tag{0x5A}, *Iccid::from_digits(digits)); }
inline Element aid(std::string_view hex_aid) { return tlv::octets(Tag{0x4F}, hex(hex_aid)); }
// EnableProfileRequest / DisableProfileRequest: { [0] CHOICE { 4F | 5A }, refreshFlag [1] }
inline Element profile_request(std::uint32_t tag, Element identifier) {
  return Element::constructed(Tag{tag}, {Element::constructed(Tag{0xA0}, {std::move(identifier)}), tlv::boolean(Tag{0x81}, true)});
}
inline Element enable(Element identifier) { return profile_request(0xBF31, std::move(identifier)); }
inline Element disable(Element identifier) { return profile_request(0xBF32, std::move(identifier)); }
inline Element remove(Element identifier) { return Element::constructed(Tag{0xBF33}, {std::move(identifier)}); }
}  // namespace cmd

}  // namespace lpad::test
