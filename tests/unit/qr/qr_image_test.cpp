// QR images made at test time with Debian's qrencode, then transformed (rotated, inverted,
// re-encoded as JPEG/PGM, two codes side by side) the way photos and scans of real codes are.
#include "qr/qr_image.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>

#include <unistd.h>

#include <fmt/format.h>
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

namespace lpad::qr {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCode = "LPA:1$smdp.test.lpad$QR-G-5C-1LS-1W1Z9P7";

struct Gray {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
  unsigned char at(int x, int y) const {
    return (x < 0 || y < 0 || x >= width || y >= height) ? 255 : pixels[static_cast<std::size_t>(y * width + x)];
  }
};

class QrImage : public ::testing::Test {
 protected:
  fs::path dir_;
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fmt::format("lpad-qr-{}-{}", ::getpid(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path qrencode(std::string_view text, std::string_view name, std::string_view extra = "") {
    auto out = dir_ / name;
    auto cmd = fmt::format("qrencode {} -o '{}' '{}'", extra, out.string(), text);
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("qrencode failed: " + cmd);
    return out;
  }

  static Gray load(const fs::path& png) {
    Gray g;
    int channels = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> data(stbi_load(png.c_str(), &g.width, &g.height, &channels, 1), stbi_image_free);
    if (!data) throw std::runtime_error("cannot load " + png.string());
    g.pixels.assign(data.get(), data.get() + g.width * g.height);
    return g;
  }

  fs::path save_png(const Gray& g, std::string_view name) {
    auto out = dir_ / name;
    stbi_write_png(out.c_str(), g.width, g.height, 1, g.pixels.data(), g.width);
    return out;
  }

  // Nearest-neighbour rotation about the centre onto a white canvas large enough for any angle.
  static Gray rotate(const Gray& in, double degrees) {
    double r = degrees * M_PI / 180.0, c = std::cos(r), s = std::sin(r);
    Gray out;
    out.width = out.height = static_cast<int>(std::ceil(std::hypot(in.width, in.height)));
    out.pixels.assign(static_cast<std::size_t>(out.width * out.height), 255);
    double cx = out.width / 2.0, cy = out.height / 2.0, ix = in.width / 2.0, iy = in.height / 2.0;
    for (int y = 0; y < out.height; ++y)
      for (int x = 0; x < out.width; ++x) {
        double dx = x - cx, dy = y - cy;
        out.pixels[static_cast<std::size_t>(y * out.width + x)] =
            in.at(static_cast<int>(std::lround(c * dx + s * dy + ix)), static_cast<int>(std::lround(-s * dx + c * dy + iy)));
      }
    return out;
  }
};

TEST_F(QrImage, DecodesAPlainPng) {
  auto texts = decode_qr_image(qrencode(kCode, "plain.png"));
  ASSERT_TRUE(texts) << texts.error().describe();
  EXPECT_EQ(*texts, std::vector<std::string>{std::string(kCode)});
}

TEST_F(QrImage, DecodesAScaledCodeWithAWideMargin) {
  auto texts = decode_qr_image(qrencode(kCode, "scaled.png", "-s 12 -m 10"));
  ASSERT_TRUE(texts) << texts.error().describe();
  EXPECT_EQ(texts->front(), kCode);
}

TEST_F(QrImage, DecodesARotatedCode) {
  auto original = load(qrencode(kCode, "upright.png", "-s 6"));
  for (double angle : {90.0, 180.0, 30.0}) {
    auto texts = decode_qr_image(save_png(rotate(original, angle), fmt::format("rot{}.png", angle)));
    ASSERT_TRUE(texts) << angle << ": " << texts.error().describe();
    EXPECT_EQ(texts->front(), kCode) << angle;
  }
}

TEST_F(QrImage, DecodesAnInvertedCode) {
  auto texts = decode_qr_image(qrencode(kCode, "inverted.png", "--foreground=FFFFFF --background=000000"));
  ASSERT_TRUE(texts) << texts.error().describe();
  EXPECT_EQ(texts->front(), kCode);
}

TEST_F(QrImage, DecodesAJpeg) {
  auto g = load(qrencode(kCode, "for-jpeg.png", "-s 6"));
  auto jpeg = dir_ / "code.jpg";
  ASSERT_NE(stbi_write_jpg(jpeg.c_str(), g.width, g.height, 1, g.pixels.data(), 85), 0);
  auto texts = decode_qr_image(jpeg);
  ASSERT_TRUE(texts) << texts.error().describe();
  EXPECT_EQ(texts->front(), kCode);
}

TEST_F(QrImage, DecodesAPgm) {
  auto g = load(qrencode(kCode, "for-pgm.png", "-s 4"));
  auto pgm = dir_ / "code.pgm";
  {
    std::ofstream out(pgm, std::ios::binary);
    out << "P5\n" << g.width << " " << g.height << "\n255\n";
    out.write(reinterpret_cast<const char*>(g.pixels.data()), static_cast<std::streamsize>(g.pixels.size()));
  }
  auto texts = decode_qr_image(pgm);
  ASSERT_TRUE(texts) << texts.error().describe();
  EXPECT_EQ(texts->front(), kCode);
}

TEST_F(QrImage, ReturnsEveryCodeInTheImage) {
  auto a = load(qrencode("LPA:1$smdp.test.lpad$FIRST", "a.png", "-s 6"));
  auto b = load(qrencode("LPA:1$smdp.test.lpad$SECOND-CODE", "b.png", "-s 6"));
  Gray both;
  both.width = a.width + b.width;
  both.height = std::max(a.height, b.height);
  both.pixels.assign(static_cast<std::size_t>(both.width * both.height), 255);
  for (int y = 0; y < both.height; ++y)
    for (int x = 0; x < both.width; ++x)
      both.pixels[static_cast<std::size_t>(y * both.width + x)] = x < a.width ? a.at(x, y) : b.at(x - a.width, y);
  auto codes = activation_codes_from_image(save_png(both, "two.png"));
  ASSERT_TRUE(codes) << codes.error().describe();
  ASSERT_EQ(codes->size(), 2u);
  std::vector<std::string> ids{(*codes)[0].matching_id, (*codes)[1].matching_id};
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"FIRST", "SECOND-CODE"}));
}

TEST_F(QrImage, ImageWithoutACodeIsAClearError) {
  Gray blank{64, 64, std::vector<unsigned char>(64 * 64, 255)};
  auto r = decode_qr_image(save_png(blank, "blank.png"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::qr_no_code_found);
}

TEST_F(QrImage, FileThatIsNoImageIsAClearError) {
  auto path = dir_ / "not-an-image.png";
  std::ofstream(path) << "LPA:1$smdp.test.lpad$X";
  auto r = decode_qr_image(path);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::qr_image_unreadable);
}

TEST_F(QrImage, MissingFileIsAClearError) {
  auto r = decode_qr_image(dir_ / "absent.png");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::qr_image_unreadable);
}

TEST_F(QrImage, ActivationCodeIsParsedFromTheImage) {
  auto codes = activation_codes_from_image(qrencode(kCode, "ac.png"));
  ASSERT_TRUE(codes) << codes.error().describe();
  EXPECT_EQ(codes->front().smdp_address, "smdp.test.lpad");
  EXPECT_EQ(codes->front().matching_id, "QR-G-5C-1LS-1W1Z9P7");
}

TEST_F(QrImage, CodeThatIsNoActivationCodeIsNamedWithoutItsFullText) {
  auto r = activation_codes_from_image(qrencode("WIFI:S:home;T:WPA;P:secret-password;;", "wifi.png"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::qr_not_activation_code);
  EXPECT_EQ(r.error().message.find("secret-password"), std::string::npos);
}

}  // namespace
}  // namespace lpad::qr
