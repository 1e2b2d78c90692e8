// Building the signed ProfileInstallationResult (SGP.22 section 5.7.6) that ends a
// LoadBoundProfilePackage, and that the eUICC keeps as the install notification.
#pragma once

#include "core/bytes.h"
#include "core/error.h"
#include "rsp/profile_installation_result.h"
#include "veuicc/application/identity.h"

namespace lpad::veuicc {

// simaResponse of an installed package: one EUICCResponse (PE_Definitions) whose peStatus lists a
// single PEStatus { status ok(0) }, the profile package interpreter's "all elements processed".
Bytes sima_response_ok();

// BF37 { BF27 data, 5F37 euiccSignPIR } with euiccSignPIR = SK.EUICC.ECDSA over the BF27 TLV.
Result<Bytes> signed_profile_installation_result(const Identity& identity, const rsp::ProfileInstallationResultData& data);

}  // namespace lpad::veuicc
