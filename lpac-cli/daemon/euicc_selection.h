// `--euicc EID|INDEX`: which of the daemon's eUICCs a command works on. The index is the position
// in `lpa euiccs` (from 0, the daemon's order), since object paths are counters of one daemon run.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "lpac-cli/daemon/object_model.h"

namespace lpad::cli::daemon {

// The index into `euiccs` of the one `selector` names; without a selector, the only eUICC. None,
// an unknown one, or several without a choice: an error that lists what there is.
Result<std::size_t> select_euicc(const std::vector<EuiccObject>& euiccs, const std::optional<std::string>& selector);

// `lpa euiccs`, as a table and as {"euiccs": [{"index", "eid", "backend", "device"}]}.
std::string euiccs_table(const std::vector<EuiccObject>& euiccs);
nlohmann::json euiccs_json(const std::vector<EuiccObject>& euiccs);

}  // namespace lpad::cli::daemon
