#include "qr/activation_code_input.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace lpad::qr {
namespace {

TEST(ActivationCodeInput, ArgumentIsTakenAsItIsWithoutSurroundingSpace) {
  std::istringstream unused;
  EXPECT_EQ(*activation_code_text("  LPA:1$a.b$C \n", unused), "LPA:1$a.b$C");
}

TEST(ActivationCodeInput, DashReadsStandardInput) {
  std::istringstream in("LPA:1$rsp.example.com$ABC\r\n");
  EXPECT_EQ(*activation_code_text("-", in), "LPA:1$rsp.example.com$ABC");
}

TEST(ActivationCodeInput, EmptyStandardInputIsAClearError) {
  std::istringstream in("\n");
  auto r = activation_code_text("-", in);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::ac_empty);
}

TEST(ActivationCodeInput, HugeStandardInputIsRefused) {
  std::istringstream in(std::string(1 << 20, 'A'));
  auto r = activation_code_text("-", in);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::ac_field_too_long);
}

TEST(ActivationCodeInput, ReadsAFile) {
  auto path = std::filesystem::temp_directory_path() / ("lpad-ac-" + std::to_string(::getpid()));
  std::ofstream(path) << "LPA:1$rsp.example.com$ABC\n";
  auto text = activation_code_text_from_file(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "LPA:1$rsp.example.com$ABC");
}

TEST(ActivationCodeInput, MissingFileNamesTheFile) {
  auto r = activation_code_text_from_file("/nonexistent/lpad-code.txt");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::io_error);
  EXPECT_NE(r.error().message.find("/nonexistent/lpad-code.txt"), std::string::npos);
}

}  // namespace
}  // namespace lpad::qr
