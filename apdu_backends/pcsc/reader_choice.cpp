#include "apdu_backends/pcsc/reader_choice.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace lpad::apdu::pcsc {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += fmt::format("{}{}: \"{}\"", i == 0 ? "" : ", ", i, names[i]);
  return out;
}

}  // namespace

std::vector<std::string> split_reader_list(std::string_view multi_string) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start < multi_string.size()) {
    auto end = multi_string.find('\0', start);
    if (end == std::string_view::npos) end = multi_string.size();
    if (end == start) break;  // the empty name that ends the list
    names.emplace_back(multi_string.substr(start, end - start));
    start = end + 1;
  }
  return names;
}

Result<std::string> choose_reader(const std::vector<std::string>& readers, std::string_view wanted) {
  if (readers.empty()) return fail(Errc::apdu_card_removed, "pcsc: no smart card reader is connected");
  if (wanted.empty()) return readers.front();
  if (std::find(readers.begin(), readers.end(), wanted) != readers.end()) return std::string(wanted);

  std::size_t index = 0;
  auto [end, ec] = std::from_chars(wanted.data(), wanted.data() + wanted.size(), index);
  if (ec == std::errc{} && end == wanted.data() + wanted.size()) {
    if (index < readers.size()) return readers[index];
    return fail(Errc::invalid_argument, fmt::format("pcsc: there is no reader number {}; the readers are {}", index,
                                                    quoted_list(readers)));
  }

  std::vector<std::string> matches;
  auto needle = lower(wanted);
  for (const auto& name : readers)
    if (lower(name).find(needle) != std::string::npos) matches.push_back(name);
  if (matches.size() == 1) return matches.front();
  if (matches.empty())
    return fail(Errc::invalid_argument,
                fmt::format("pcsc: no reader name contains \"{}\"; the readers are {}", wanted, quoted_list(readers)));
  return fail(Errc::invalid_argument, fmt::format("pcsc: \"{}\" matches several readers ({}); give more of the name or "
                                                  "its number",
                                                  wanted, quoted_list(matches)));
}

}  // namespace lpad::apdu::pcsc
