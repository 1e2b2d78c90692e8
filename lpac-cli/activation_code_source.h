// The activation code a command works on, from wherever the user gave it: the argument (or "-"
// for standard input), --file, or --qr. Shared by `lpa activation-code` and `lpa download`.
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

  // Adds the positional argument and --file/--qr: at most one may be given, and one must be
  // unless `optional` (the command has another way to name a profile).
  void add_options(CLI::App& command, bool optional = false);
  bool given() const { return !argument.empty() || !file.empty() || !qr_image.empty(); }
  Result<qr::ActivationCode> read() const;
};

}  // namespace lpad::cli
