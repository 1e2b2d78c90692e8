// Progress of a long procedure, for the CLI's progress bar and the daemon's job objects: a stage
// name that stays stable (scripts and D-Bus clients match on it) and an overall percent.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace lpad::engine {

namespace stage {
inline constexpr std::string_view kAuthenticating = "authenticating";  // mutual authentication with the server
inline constexpr std::string_view kConfirming = "confirming";          // waiting for consent / confirmation code
inline constexpr std::string_view kPreparing = "preparing";            // PrepareDownload on the eUICC
inline constexpr std::string_view kDownloading = "downloading";        // getBoundProfilePackage
inline constexpr std::string_view kInstalling = "installing";          // LoadBoundProfilePackage, per segment
inline constexpr std::string_view kNotifying = "notifying";            // handleNotification
inline constexpr std::string_view kCancelling = "cancelling";
inline constexpr std::string_view kDone = "done";
}  // namespace stage

struct Progress {
  std::string_view stage;
  int percent = 0;  // 0..100, never decreasing within one procedure
};

using ProgressSink = std::function<void(const Progress&)>;

}  // namespace lpad::engine
