// SGP.22 section 6.5.1.2 and its subject/reason code tables: a Failed functionExecutionStatus as a
// typed error with a sentence a person understands ("the activation code was already used").
#pragma once

#include <string_view>

#include "core/error.h"

namespace lpad::rsp_binding {

// Which server answered: the same codes read "the SM-DP+ ..." or "the SM-DS ...".
enum class ServerRole { smdp, smds };

// `function` names the call for the message ("authenticateClient"). Codes without a row of their
// own take their parent's (8.2.3 -> 8.2); unknown ones are server.function-failed naming them.
Error error_from_status(std::string_view function, const ServerStatus& status, ServerRole role = ServerRole::smdp);

}  // namespace lpad::rsp_binding
