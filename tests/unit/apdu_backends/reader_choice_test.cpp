#include "apdu_backends/pcsc/reader_choice.h"

#include <gtest/gtest.h>

namespace lpad::apdu::pcsc {
namespace {

using namespace std::string_literals;

const std::vector<std::string> kReaders = {"Gemalto PC Twin Reader 00 00", "lpad veuicc 00 00", "lpad veuicc 00 01"};

TEST(ReaderChoice, SplitsTheMultiString) {
  EXPECT_EQ(split_reader_list("A 00 00\0B 00 00\0\0"s), (std::vector<std::string>{"A 00 00", "B 00 00"}));
  EXPECT_EQ(split_reader_list("A\0"s), (std::vector<std::string>{"A"}));
  EXPECT_TRUE(split_reader_list("\0"s).empty());
  EXPECT_TRUE(split_reader_list(""s).empty());
}

TEST(ReaderChoice, ExactNameFirst) {
  EXPECT_EQ(choose_reader(kReaders, "lpad veuicc 00 01").value(), "lpad veuicc 00 01");
}

TEST(ReaderChoice, ByIndex) {
  EXPECT_EQ(choose_reader(kReaders, "0").value(), kReaders[0]);
  EXPECT_EQ(choose_reader(kReaders, "2").value(), kReaders[2]);
  auto beyond = choose_reader(kReaders, "3");
  ASSERT_FALSE(beyond);
  EXPECT_EQ(beyond.error().code, Errc::invalid_argument);
  EXPECT_NE(beyond.error().message.find("Gemalto"), std::string::npos);
}

TEST(ReaderChoice, ByAUniquePartOfTheName) {
  EXPECT_EQ(choose_reader(kReaders, "gemalto").value(), kReaders[0]);
  EXPECT_EQ(choose_reader(kReaders, "VEUICC 00 01").value(), kReaders[2]);
  auto several = choose_reader(kReaders, "veuicc");
  ASSERT_FALSE(several);
  EXPECT_NE(several.error().message.find("several"), std::string::npos);
  auto none = choose_reader(kReaders, "omnikey");
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("lpad veuicc 00 00"), std::string::npos) << none.error().message;
}

TEST(ReaderChoice, EmptyMeansTheFirst) {
  EXPECT_EQ(choose_reader(kReaders, "").value(), kReaders[0]);
  EXPECT_EQ(choose_reader({}, "").error().code, Errc::apdu_card_removed);
}

}  // namespace
}  // namespace lpad::apdu::pcsc
