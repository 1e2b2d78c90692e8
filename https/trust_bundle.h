// The CA bundle libcurl verifies servers against: the GSMA CI roots of the trust store (live/,
// plus test/ in test mode) and any extra anchors, concatenated as PEM, held in memory.
#pragma once

#include <filesystem>
#include <string>

#include "core/error.h"
#include "https/https_options.h"

namespace lpad::https {

// The folder to read: options.trust_store_dir, else the installed copy, else the source tree's.
std::filesystem::path trust_store_dir(const HttpsOptions& options);

// Every file must hold at least one PEM certificate (https.bad-option naming the file otherwise);
// live/ must not be empty, so a broken installation is not mistaken for "trust nothing".
Result<std::string> load_trust_bundle(const HttpsOptions& options);

}  // namespace lpad::https
