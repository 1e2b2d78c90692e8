// Secrets and identifiers in logs and error messages: matching IDs, confirmation codes, EIDs and
// ICCIDs are shown only in part, so a log or a bug report never carries one whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lpad {

// "ABCD…" : the first `keep` characters, then an ellipsis when anything was hidden.
std::string redact_keep_head(std::string_view secret, std::size_t keep = 4);

// "…5678" : the last `keep` characters, the way EIDs and ICCIDs are told apart in logs.
std::string redact_keep_tail(std::string_view identifier, std::size_t keep = 4);

}  // namespace lpad
