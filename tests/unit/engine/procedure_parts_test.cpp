// The engine's small pieces: DeviceInfo, server address comparison, retries, package checks.
#include <gtest/gtest.h>

#include "engine/bound_package_check.h"
#include "engine/device_info.h"
#include "engine/mutual_authentication.h"
#include "engine/retry_policy.h"
#include "support/shared_data.h"

namespace lpad::test {
namespace {

TEST(DeviceInfo, ImeiGivesTheTacAndIsSentAsPlainBcd) {
  auto info = engine::make_device_info({"356938035643809", std::nullopt});
  ASSERT_TRUE(info);
  EXPECT_EQ(info->tac, hex("35693803"));
  EXPECT_EQ(info->imei, hex("356938035643809F"));
}

TEST(DeviceInfo, WithoutImeiAGenericModuleTacIsSent) {
  auto info = engine::make_device_info({});
  ASSERT_TRUE(info);
  EXPECT_EQ(info->tac, hex("35290611"));
  EXPECT_FALSE(info->imei);
  EXPECT_FALSE(info->capabilities.empty());
}

TEST(DeviceInfo, MalformedImeiIsRefused) {
  EXPECT_EQ(engine::make_device_info({"12345", std::nullopt}).error().code, Errc::invalid_argument);
  EXPECT_EQ(engine::make_device_info({"35693803564380A", std::nullopt}).error().code, Errc::invalid_argument);
  EXPECT_EQ(engine::make_device_info({std::nullopt, "1234"}).error().code, Errc::invalid_argument);
}

TEST(ServerAddress, HostsCompareWithoutCaseAndPortsOnlyWhenBothHaveOne) {
  EXPECT_TRUE(engine::same_server_address("SMDP.example.com", "smdp.example.com"));
  EXPECT_TRUE(engine::same_server_address("smdp.example.com:8443", "smdp.example.com"));
  EXPECT_FALSE(engine::same_server_address("smdp.example.com:8443", "smdp.example.com:443"));
  EXPECT_FALSE(engine::same_server_address("evil.example.com", "smdp.example.com"));
}

TEST(Retry, StopsAtTheFirstSuccess) {
  int calls = 0;
  auto result = engine::with_retries<int>(engine::RetryPolicy{5, std::chrono::milliseconds(1), nullptr}, [&]() -> Result<int> {
    if (++calls < 2) return fail(Errc::https_timeout, "slow");
    return 7;
  });
  EXPECT_EQ(*result, 7);
  EXPECT_EQ(calls, 2);
}

TEST(Retry, DoesNotRepeatWhatTheServerRefused) {
  int calls = 0;
  auto result = engine::with_retries<void>(engine::RetryPolicy{5, std::chrono::milliseconds(1), nullptr}, [&]() -> Result<void> {
    ++calls;
    return fail(Errc::server_matching_id_refused, "no");
  });
  EXPECT_FALSE(result);
  EXPECT_EQ(calls, 1);
}

TEST(Retry, GivesUpAfterTheLastAttempt) {
  int calls = 0;
  auto result = engine::with_retries<void>(engine::RetryPolicy{3, std::chrono::milliseconds(1), nullptr}, [&]() -> Result<void> {
    ++calls;
    return fail(Errc::https_connect_failed, "down");
  });
  EXPECT_EQ(result.error().code, Errc::https_connect_failed);
  EXPECT_EQ(calls, 3);
}

class PackageCheck : public ::testing::Test {
 protected:
  Bytes bpp = read_file(shared_dir() / "vectors" / "download-sgp26" / "bpp.der");
  Bytes metadata = read_file(shared_dir() / "vectors" / "download-sgp26" / "storeMetadata.der");
  Bytes transaction_id = hex("B2D48628B6F8495CB5718144C095148C");
};

TEST_F(PackageCheck, RecordedPackageMatchesItsSessionAndMetadata) {
  auto check = engine::check_bound_profile_package(bpp, transaction_id, metadata);
  ASSERT_TRUE(check) << check.error().describe();
  EXPECT_EQ(check->mismatch, engine::PackageMismatch::none);
  EXPECT_GT(check->segment_count, 5u);
}

TEST_F(PackageCheck, OtherTransactionIdIsAMismatch) {
  transaction_id.back() ^= 1;
  EXPECT_EQ(engine::check_bound_profile_package(bpp, transaction_id, metadata)->mismatch, engine::PackageMismatch::transaction_id);
}

TEST_F(PackageCheck, OtherMetadataIsAMismatch) {
  metadata.back() ^= 1;
  EXPECT_EQ(engine::check_bound_profile_package(bpp, transaction_id, metadata)->mismatch, engine::PackageMismatch::metadata);
}

TEST_F(PackageCheck, TruncatedPackageIsABadServerResponse) {
  bpp.resize(bpp.size() / 2);
  EXPECT_EQ(engine::check_bound_profile_package(bpp, transaction_id, metadata).error().code, Errc::server_bad_response);
}

}  // namespace
}  // namespace lpad::test
