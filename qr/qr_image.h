// QR codes in images (PNG, JPEG, PGM), as operators print activation codes. The image is loaded
// with stb_image and scanned with ZXing-cpp; every QR code in the image is returned.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "qr/activation_code.h"

namespace lpad::qr {

// The text of every QR code in the image, in reading order; qr.no-code-found when there is none.
Result<std::vector<std::string>> decode_qr_image(const std::filesystem::path& image);

// Every QR code of the image that holds an activation code; a QR code with other text is skipped,
// and if none holds one the error says what the codes did hold (redacted).
Result<std::vector<ActivationCode>> activation_codes_from_image(const std::filesystem::path& image);

}  // namespace lpad::qr
