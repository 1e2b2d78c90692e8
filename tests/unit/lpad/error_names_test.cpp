// D-Bus error names: a small stable set to branch on, with the exact code kept in the message so a
// client recovers the engine's typed error.
#include <gtest/gtest.h>

#include "dbus_api/error_names.h"

namespace lpad::dbus_api {
namespace {

TEST(ErrorNames, CodesMapToTheDocumentedNames) {
  EXPECT_EQ(error_name(Errc::server_matching_id_refused), "org.lpad.Lpad1.Error.MatchingIdRefused");
  EXPECT_EQ(error_name(Errc::es10_profile_wrong_state), "org.lpad.Lpad1.Error.ProfileWrongState");
  EXPECT_EQ(error_name(Errc::daemon_not_authorized), "org.lpad.Lpad1.Error.NotAuthorized");
  EXPECT_EQ(error_name(Errc::job_owner_left), "org.lpad.Lpad1.Error.Cancelled");
  EXPECT_EQ(error_name(Errc::tlv_truncated), "org.lpad.Lpad1.Error.CardProtocol");
  EXPECT_EQ(error_name(Errc::crypto_bad_mac), "org.lpad.Lpad1.Error.Failed");
}

TEST(ErrorNames, MessageStartsWithTheExactCode) {
  Error error{Errc::server_matching_id_refused, "unknown activation code"};
  EXPECT_EQ(error_message(error).rfind("server.matching-id-refused: ", 0), 0u);
}

TEST(ErrorNames, ClientRecoversTheCodeAndMessage) {
  Error error{Errc::es10_profile_wrong_state, "the profile is enabled"};
  auto back = error_from_dbus(error_name(error.code), error_message(error));
  EXPECT_EQ(back.code, Errc::es10_profile_wrong_state);
  EXPECT_EQ(back.message, "the profile is enabled");
}

TEST(ErrorNames, BusErrorsBecomeTheNearestCode) {
  EXPECT_EQ(error_from_dbus("org.freedesktop.DBus.Error.AccessDenied", "no").code, Errc::daemon_not_authorized);
  EXPECT_EQ(error_from_dbus("org.freedesktop.DBus.Error.UnknownObject", "gone").code, Errc::daemon_no_such_object);
  EXPECT_EQ(error_from_dbus("org.example.Weird", "what").code, Errc::io_error);
}

}  // namespace
}  // namespace lpad::dbus_api
