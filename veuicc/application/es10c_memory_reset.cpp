// ES10c.eUICCMemoryReset (SGP.22 sections 5.7.19, 3.3.3): deletes profiles by class, whatever
// their state and policy rules, and can forget the default SM-DP+ address. A reset creates no
// notifications; those already pending stay for the LPA to deliver.
#include <algorithm>

#include "rsp/tags.h"
#include "tlv/values.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

namespace {
namespace t = rsp::tags;
enum ResetResult : std::int64_t { kOk = 0, kNothingToDelete = 1 };
// resetOptions [2] BIT STRING { deleteOperationalProfiles(0), deleteFieldLoadedTestProfiles(1),
//   resetDefaultSmdpAddress(2) }
enum ResetOption : std::size_t { kDeleteOperationalProfiles = 0, kDeleteFieldLoadedTestProfiles = 1, kResetDefaultSmdpAddress = 2 };
}  // namespace

Es10Response euicc_memory_reset(CardContext& ctx, const tlv::Node& request) {
  auto options_node = request.find(tlv::Tag::context(2, false));
  if (!options_node) return malformed_request();
  auto options = tlv::read_bit_string(*options_node);
  if (!options) return malformed_request();

  EuiccState next = ctx.state;
  // Every test profile on this card came over the air: all of them are "field-loaded".
  auto deleted = std::erase_if(next.profiles, [&](const InstalledProfile& p) {
    return (options->test(kDeleteOperationalProfiles) && p.metadata.profile_class == rsp::ProfileClass::operational) ||
           (options->test(kDeleteFieldLoadedTestProfiles) && p.metadata.profile_class == rsp::ProfileClass::test);
  });
  bool address_reset = options->test(kResetDefaultSmdpAddress) && next.default_dp_address.has_value();
  if (address_reset) next.default_dp_address.reset();
  if (deleted == 0 && !address_reset) return result_response(t::kEuiccMemoryReset, kNothingToDelete);
  if (!ctx.commit(std::move(next))) return commit_failed();
  return result_response(t::kEuiccMemoryReset, kOk);
}

}  // namespace lpad::veuicc::handlers
