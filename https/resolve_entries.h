// --resolve entries ("HOST:PORT:ADDRESS", as curl's): checked before libcurl sees them, because
// libcurl silently ignores an entry it cannot parse and the request then goes elsewhere.
#pragma once

#include <string_view>

#include "core/error.h"

namespace lpad::https {

// https.bad-option when `entry` is not HOST:PORT:ADDRESS (ADDRESS may be [IPv6] or a list).
Result<void> check_resolve_entry(std::string_view entry);

}  // namespace lpad::https
