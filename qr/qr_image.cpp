#include "qr/qr_image.h"

#include <fmt/format.h>

#include <memory>

// ZXing-cpp 1.4 returns std::wstring from text() unless asked for UTF-8.
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <stb/stb_image.h>

#include "core/redact.h"

namespace lpad::qr {

namespace {

struct StbFree {
  void operator()(unsigned char* pixels) const { stbi_image_free(pixels); }
};

struct GrayImage {
  std::unique_ptr<unsigned char, StbFree> pixels;
  int width = 0;
  int height = 0;
};

Result<GrayImage> load_gray(const std::filesystem::path& path) {
  GrayImage image;
  int channels = 0;
  image.pixels.reset(stbi_load(path.c_str(), &image.width, &image.height, &channels, 1));
  if (!image.pixels)
    return fail(Errc::qr_image_unreadable,
                fmt::format("cannot load '{}' as a PNG, JPEG or PGM image: {}", path.string(), stbi_failure_reason()));
  return image;
}

std::vector<std::string> scan(const unsigned char* pixels, int width, int height) {
  auto hints = ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode).setTryHarder(true).setTryRotate(true);
  std::vector<std::string> texts;
  for (const auto& result : ZXing::ReadBarcodes({pixels, width, height, ZXing::ImageFormat::Lum}, hints))
    if (result.isValid()) texts.push_back(result.text());
  return texts;
}

}  // namespace

Result<std::vector<std::string>> decode_qr_image(const std::filesystem::path& path) {
  auto image = load_gray(path);
  if (!image) return unexpected(image.error());
  auto texts = scan(image->pixels.get(), image->width, image->height);
  if (texts.empty()) {
    // ZXing 1.4 has no "try inverted": light modules on a dark ground are scanned as a negative.
    auto* p = image->pixels.get();
    for (std::size_t i = 0, n = static_cast<std::size_t>(image->width) * static_cast<std::size_t>(image->height); i < n; ++i)
      p[i] = static_cast<unsigned char>(255 - p[i]);
    texts = scan(p, image->width, image->height);
  }
  if (texts.empty()) return fail(Errc::qr_no_code_found, fmt::format("no QR code found in '{}'", path.string()));
  return texts;
}

Result<std::vector<ActivationCode>> activation_codes_from_image(const std::filesystem::path& path) {
  auto texts = decode_qr_image(path);
  if (!texts) return unexpected(texts.error());
  std::vector<ActivationCode> codes;
  std::string last_problem;
  for (const auto& text : *texts) {
    auto code = parse_activation_code(text);
    if (code) codes.push_back(std::move(*code));
    else last_problem = code.error().message;
  }
  if (codes.empty())
    return fail(Errc::qr_not_activation_code,
                fmt::format("the QR code in '{}' holds no activation code ({}; it starts '{}')", path.string(),
                            last_problem, redact_keep_head(texts->front(), 8)));
  return codes;
}

}  // namespace lpad::qr
