#include "lpac-cli/activation_code_source.h"

#include <fmt/format.h>

#include <iostream>

#include "qr/activation_code_input.h"
#include "qr/qr_image.h"

namespace lpad::cli {

void ActivationCodeSource::add_options(CLI::App& command, bool optional) {
  auto* code = command.add_option("code", argument, "Activation code (LPA:1$...), or - to read it from standard input");
  auto* from_file = command.add_option("--file", file, "Read the activation code from a file")->check(CLI::ExistingFile);
  auto* from_qr = command.add_option("--qr", qr_image, "Read the activation code from a QR image (PNG, JPEG, PGM)")->check(CLI::ExistingFile);
  code->excludes(from_file)->excludes(from_qr);
  from_file->excludes(from_qr);
  if (optional) return;
  command.parse_complete_callback([&command, code, from_file, from_qr] {
    if (code->count() + from_file->count() + from_qr->count() == 0)
      throw CLI::RequiredError(fmt::format("{}: an activation code, --file or --qr", command.get_name()));
  });
}

Result<qr::ActivationCode> ActivationCodeSource::read() const {
  if (!qr_image.empty()) {
    auto codes = qr::activation_codes_from_image(qr_image);
    if (!codes) return unexpected(codes.error());
    if (codes->size() > 1)
      return fail(Errc::invalid_argument,
                  fmt::format("'{}' holds {} activation codes; crop the image to the one you mean", qr_image, codes->size()));
    return codes->front();
  }
  auto text = file.empty() ? qr::activation_code_text(argument, std::cin) : qr::activation_code_text_from_file(file);
  if (!text) return unexpected(text.error());
  return qr::parse_activation_code(*text);
}

}  // namespace lpad::cli
