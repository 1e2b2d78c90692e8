// Questions `lpa` asks a person at a terminal: consent to a profile, a confirmation code. Never
// asked without a terminal: scripts pass --yes and --confirmation-code instead.
#pragma once

#include <optional>
#include <string>

#include "rsp/profile.h"

namespace lpad::cli {

bool stdin_is_terminal();

// "Install this profile? [y/N]" after the name, provider and class; false on anything but yes.
bool ask_consent(const rsp::ProfileMetadata& metadata);

// Reads a confirmation code without echoing it; nullopt when the person enters nothing.
std::optional<std::string> ask_confirmation_code();

}  // namespace lpad::cli
