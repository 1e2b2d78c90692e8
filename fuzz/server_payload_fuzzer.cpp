// libFuzzer target: arbitrary bytes as the ASN.1 payloads an SM-DP+ sends, through everything the
// engine reads before the eUICC sees them: serverSigned1, smdpSigned2, the profile metadata the
// user is shown, the bound profile package check, and the eUICC's install result. Nothing may crash.
#include <cstddef>
#include <cstdint>

#include "engine/bound_package_check.h"
#include "rsp/authentication.h"
#include "rsp/prepare_download.h"
#include "rsp/profile.h"
#include "rsp/profile_installation_result.h"
#include "tlv/decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lpad;
  const ByteView input(data, size);
  if (auto node = tlv::decode(input)) {
    static_cast<void>(rsp::decode_server_signed1(*node));
    static_cast<void>(rsp::decode_smdp_signed2(*node));
    static_cast<void>(rsp::decode_profile_metadata(*node));
    static_cast<void>(rsp::decode_profile_installation_result(*node));
  }
  static const Bytes transaction_id(16, 0x42);
  static_cast<void>(engine::check_bound_profile_package(input, transaction_id, input.first(size / 2)));
  return 0;
}
