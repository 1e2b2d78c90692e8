#include "lpac-cli/daemon/euicc_selection.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace lpad::cli::daemon {

namespace {

std::string choices(const std::vector<EuiccObject>& euiccs) {
  std::string out;
  for (std::size_t i = 0; i < euiccs.size(); ++i)
    out += fmt::format("{}{} {} ({} {})", i == 0 ? "" : ", ", i, euiccs[i].eid, euiccs[i].backend, euiccs[i].device);
  return out;
}

std::optional<std::size_t> as_index(std::string_view text) {
  std::size_t index = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return index;
}

}  // namespace

Result<std::size_t> select_euicc(const std::vector<EuiccObject>& euiccs, const std::optional<std::string>& selector) {
  if (euiccs.empty())
    return fail(Errc::apdu_card_removed, "lpad has found no eUICC (is the reader or modem connected? see `lpa euiccs`)");
  if (!selector) {
    if (euiccs.size() == 1) return 0;
    return fail(Errc::invalid_argument, fmt::format("lpad has {} eUICCs; choose one with --euicc EID or INDEX: {}", euiccs.size(), choices(euiccs)));
  }
  auto by_eid = std::find_if(euiccs.begin(), euiccs.end(), [&](const EuiccObject& e) { return e.eid == *selector; });
  if (by_eid != euiccs.end()) return static_cast<std::size_t>(by_eid - euiccs.begin());
  // An EID has 32 digits, an index a few: a short number is never mistaken for an EID.
  if (auto index = as_index(*selector); index && selector->size() < 32) {
    if (*index < euiccs.size()) return *index;
  }
  return fail(Errc::invalid_argument, fmt::format("--euicc {}: no such eUICC; lpad has {}", *selector, choices(euiccs)));
}

std::string euiccs_table(const std::vector<EuiccObject>& euiccs) {
  if (euiccs.empty()) return "lpad has found no eUICC.\n";
  std::size_t backend_width = 7;
  for (const auto& e : euiccs) backend_width = std::max(backend_width, e.backend.size());
  std::string out = fmt::format("{:<5}  {:<32}  {:<{}}  {}\n", "INDEX", "EID", "BACKEND", backend_width, "DEVICE");
  for (std::size_t i = 0; i < euiccs.size(); ++i)
    out += fmt::format("{:<5}  {:<32}  {:<{}}  {}\n", i, euiccs[i].eid, euiccs[i].backend, backend_width, euiccs[i].device);
  return out;
}

nlohmann::json euiccs_json(const std::vector<EuiccObject>& euiccs) {
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < euiccs.size(); ++i)
    list.push_back({{"index", i}, {"eid", euiccs[i].eid}, {"backend", euiccs[i].backend}, {"device", euiccs[i].device}});
  return nlohmann::json{{"euiccs", list}};
}

}  // namespace lpad::cli::daemon
