// The answers a job's owner gives reach the procedure waiting on the card worker; nobody answering
// becomes a stop with the SGP.22 reason "timeout"; nothing stops a download past its point of no return.
#include <gtest/gtest.h>

#include <thread>

#include "lpad/job_control.h"

namespace lpad::daemon {
namespace {

using namespace std::chrono_literals;

TEST(JobControl, AcceptWakesTheWaitingProcedure) {
  JobControl control;
  std::jthread owner([&] {
    std::this_thread::sleep_for(20ms);
    control.accept();
  });
  EXPECT_TRUE(control.wait_for_consent(10s));
  EXPECT_FALSE(control.stop_request());
}

TEST(JobControl, RejectAnswersNoWithoutAStop) {
  JobControl control;
  control.reject();
  EXPECT_FALSE(control.wait_for_consent(10s));
  EXPECT_FALSE(control.stop_request());
}

TEST(JobControl, ConfirmationCodeIsHandedOver) {
  JobControl control;
  control.provide_confirmation_code("4711");
  EXPECT_EQ(control.wait_for_confirmation_code(10s), "4711");
}

TEST(JobControl, NoAnswerInTimeBecomesAnAnswerTimeoutStop) {
  JobControl control;
  EXPECT_FALSE(control.wait_for_consent(0s));
  auto stop = control.stop_request();
  ASSERT_TRUE(stop);
  EXPECT_EQ(stop->code, Errc::job_answer_timeout);
  EXPECT_EQ(stop->reason, rsp::CancelSessionReason::timeout);
}

TEST(JobControl, StopEndsAWaitAtOnce) {
  JobControl control;
  std::jthread owner([&] {
    std::this_thread::sleep_for(20ms);
    control.stop({Errc::job_owner_left, "gone", rsp::CancelSessionReason::postponed});
  });
  EXPECT_EQ(control.wait_for_confirmation_code(10s), std::nullopt);
  EXPECT_EQ(control.stop_request()->code, Errc::job_owner_left);
}

TEST(JobControl, StopIsRefusedPastThePointOfNoReturn) {
  JobControl control;
  EXPECT_FALSE(control.commit());
  EXPECT_FALSE(control.stop({Errc::job_cancelled, "too late", rsp::CancelSessionReason::postponed}));
  EXPECT_FALSE(control.stop_request());
}

TEST(JobControl, CommitGivesBackAStopThatCameFirst) {
  // A Cancel answered "done" must not be followed by an installed profile.
  JobControl control;
  EXPECT_TRUE(control.stop({Errc::job_cancelled, "in time", rsp::CancelSessionReason::postponed}));
  auto stop = control.commit();
  ASSERT_TRUE(stop);
  EXPECT_EQ(stop->code, Errc::job_cancelled);
  EXPECT_FALSE(control.committed());
}

TEST(JobControl, OnlyTheFirstStopCounts) {
  JobControl control;
  EXPECT_TRUE(control.stop({Errc::job_cancelled, "first", rsp::CancelSessionReason::postponed}));
  EXPECT_FALSE(control.stop({Errc::job_owner_left, "second", rsp::CancelSessionReason::postponed}));
  EXPECT_EQ(control.stop_request()->code, Errc::job_cancelled);
}

}  // namespace
}  // namespace lpad::daemon
