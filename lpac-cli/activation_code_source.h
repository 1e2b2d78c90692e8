// The activation code a command works on, from wherever the user gave it: the argument (or "-"
// for standard input), --file, or --qr. Shared by `lpa activation-code` and, later, `lpa download`.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "core/error.h"
#include "qr/activation_code.h"

namespace lpad::cli {

struct ActivationCodeSource {
  std::string argument;   // the code itself, or "-"
  std::string file;       // --file
  std::string qr_image;   // --qr

  // Adds the positional argument and --file/--qr, exactly one of which must be given.
  void add_options(CLI::App& command);
  Result<qr::ActivationCode> read() const;
};

}  // namespace lpad::cli
