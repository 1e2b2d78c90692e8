// Where an activation code comes from: a command-line argument, standard input ("-"), or a file.
// Users whose shell eats "$" (or who get codes by mail) can pipe them in or save them to a file.
#pragma once

#include <filesystem>
#include <istream>
#include <string>
#include <string_view>

#include "core/error.h"

namespace lpad::qr {

inline constexpr std::string_view kStdinArgument = "-";

// The argument itself, or the text read from `in` when the argument is "-"; surrounding white
// space (the newline of `echo`, a CR from a Windows file) is removed.
Result<std::string> activation_code_text(std::string_view argument, std::istream& in);

// The text of a file that holds an activation code, white space trimmed.
Result<std::string> activation_code_text_from_file(const std::filesystem::path& path);

}  // namespace lpad::qr
