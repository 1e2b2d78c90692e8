// Which PC/SC reader the user means: an exact name, a unique part of a name, or an index into the
// list as pcscd gives it. Pure functions over the reader list, so they are tested without pcscd.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace lpad::apdu::pcsc {

// SCardListReaders returns names as a multi-string: each ends with NUL, an empty one ends the list.
std::vector<std::string> split_reader_list(std::string_view multi_string);

// `wanted` is tried as an exact name first, then as an index ("0", "1", ...), then as a
// case-insensitive part of exactly one name. Empty means the first reader.
Result<std::string> choose_reader(const std::vector<std::string>& readers, std::string_view wanted);

}  // namespace lpad::apdu::pcsc
