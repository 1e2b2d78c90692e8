#include "core/redact.h"

#include <gtest/gtest.h>

namespace lpad {
namespace {

TEST(Redact, SecretKeepsOnlyItsFirstFourCharacters) {
  EXPECT_EQ(redact_keep_head("QR-G-5C-1LS-1W1Z9P7"), "QR-G\u2026");
}

TEST(Redact, IdentifierKeepsOnlyItsLastFourCharacters) {
  EXPECT_EQ(redact_keep_tail("89049032123451234512345678901235"), "\u20261235");
}

TEST(Redact, ShortValuesAreShownAsTheyAre) {
  EXPECT_EQ(redact_keep_head("ABC"), "ABC");
  EXPECT_EQ(redact_keep_tail(""), "");
}

}  // namespace
}  // namespace lpad
