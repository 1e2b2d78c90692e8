// Sentences for the eUICC's own refusals during a download (SGP.22 sections 5.7.13, 5.7.14 and
// 2.5.6), so a person learns why the card said no.
#pragma once

#include <string>

#include "rsp/authentication.h"
#include "rsp/prepare_download.h"
#include "rsp/profile_installation_result.h"

namespace lpad::engine {

std::string describe(rsp::AuthenticateErrorCode code);
std::string describe(rsp::DownloadErrorCode code);
std::string describe(const rsp::InstallError& error);

}  // namespace lpad::engine
