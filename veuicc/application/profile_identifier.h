// How ES10c requests name a profile (SGP.22 section 5.7.16-5.7.18): profileIdentifier CHOICE {
// isdpAid [APPLICATION 15] (4F), iccid (5A) }.
#pragma once

#include <optional>

#include "core/bytes.h"
#include "core/iccid.h"
#include "tlv/decoder.h"
#include "veuicc/state/euicc_state.h"

namespace lpad::veuicc {

struct ProfileIdentifier {
  std::optional<Iccid> iccid;  // set when the request named an ICCID
  Bytes isdp_aid;              // otherwise the ISD-P AID

  InstalledProfile* find_in(EuiccState& state) const;
};

// The identifier among the children of `holder` (the CHOICE's parent), or nullopt when it holds
// neither a 4F of 1-16 bytes nor a well-formed 5A.
std::optional<ProfileIdentifier> read_profile_identifier(const tlv::Node& holder);

}  // namespace lpad::veuicc
