// The unprotected profile package (UPP) as the SIMalliance/TCA eUICC Profile Package format
// defines it (PE_Definitions, SAIP): a sequence of ProfileElement CHOICEs, the first of which is
// the ProfileHeader. The software eUICC does not interpret the profile; it reads the header so it
// can hold the SM-DP+ to what StoreMetadata announced (SGP.22 section 2.5.6, data mismatch).
#pragma once

#include "core/bytes.h"
#include "core/error.h"
#include "core/iccid.h"

namespace lpad::veuicc {

// The ICCID of the package's ProfileHeader: ProfileElement header [0] (A0), ProfileHeader member
// iccid [3] (83). SAIP codes it as plain BCD (89 49 44 ...), not nibble-swapped like SGP.22's 5A.
Result<Iccid> profile_package_iccid(ByteView upp);

}  // namespace lpad::veuicc
