#include "tlv/tag.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace lpad::tlv {
namespace {

TEST(Tag, OneByteContextPrimitive) {
  constexpr Tag t{0x80};
  EXPECT_EQ(t.size(), 1u);
  EXPECT_FALSE(t.constructed());
  EXPECT_EQ(t.tag_class(), TagClass::context);
}

TEST(Tag, TwoByteContextConstructedLikeProfileInfoListResponse) {
  constexpr Tag t{0xBF2D};
  EXPECT_EQ(t.size(), 2u);
  EXPECT_TRUE(t.constructed());
  EXPECT_EQ(t.to_string(), "BF2D");
}

TEST(Tag, TwoByteApplicationPrimitiveLike5F20) {
  constexpr Tag t{0x5F20};
  EXPECT_EQ(t.tag_class(), TagClass::application);
  EXPECT_FALSE(t.constructed());
}

TEST(Tag, ThreeByteTag) {
  constexpr Tag t{0xDF8120};
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t.tag_class(), TagClass::private_);
}

TEST(Tag, ContextHelperFollowsAutomaticTagging) {
  EXPECT_EQ(Tag::context(2, false), Tag{0x82});
  EXPECT_EQ(Tag::context(0, true), Tag{0xA0});
}

TEST(Tag, MalformedTagsAreProgrammingErrors) {
  EXPECT_THROW(Tag{0x1F}, std::invalid_argument);       // multi-byte form without the number
  EXPECT_THROW(Tag{0x1F05}, std::invalid_argument);     // number 5 must be one byte
  EXPECT_THROW(Tag{0x5A00}, std::invalid_argument);     // one-byte tag with an extra byte
  EXPECT_THROW(Tag{0xBF8180}, std::invalid_argument);   // last byte must not say "more"
}

}  // namespace
}  // namespace lpad::tlv
