#include "core/shown_text.h"

#include <gtest/gtest.h>

namespace lpad {
namespace {

TEST(ShownText, PrintableAsciiIsShownAsItIs) { EXPECT_EQ(shown_text("smdp.example.com:8443"), "smdp.example.com:8443"); }

TEST(ShownText, ControlAndNonAsciiBytesAreShownAsHexEscapes) {
  EXPECT_EQ(shown_text(std::string_view("a\x01\xFF" "b\x7F", 5)), "a\\x01\\xFFb\\x7F");
}

TEST(ShownText, BackslashIsEscapedSoAnEscapeCannotBeForged) { EXPECT_EQ(shown_text("a\\x41"), "a\\x5Cx41"); }

}  // namespace
}  // namespace lpad
