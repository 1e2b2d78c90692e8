// The ES10 functions of the software eUICC, one handler each (SGP.22 section 5.7), grouped in
// files by interface: es10a_*.cpp, es10b_*.cpp, es10c_*.cpp, download/*.cpp. A handler gets the
// decoded command and answers with the DER response, or with a status word when the command is
// refused at the APDU level (e.g. 6A80 for a malformed request).
#pragma once

#include "tlv/decoder.h"
#include "veuicc/application/card_context.h"
#include "veuicc/card/es10_application.h"

namespace lpad::veuicc::handlers {

using Handler = Es10Response (*)(CardContext&, const tlv::Node& request);

// ES10a (5.7.3, 5.7.4)
Es10Response get_configured_addresses(CardContext&, const tlv::Node&);
Es10Response set_default_dp_address(CardContext&, const tlv::Node&);

// ES10b (5.7.5-5.7.12)
Es10Response get_euicc_challenge(CardContext&, const tlv::Node&);
Es10Response get_euicc_info1(CardContext&, const tlv::Node&);
Es10Response get_euicc_info2(CardContext&, const tlv::Node&);
Es10Response authenticate_server(CardContext&, const tlv::Node&);
Es10Response prepare_download(CardContext&, const tlv::Node&);
Es10Response cancel_session(CardContext&, const tlv::Node&);
Es10Response list_notification(CardContext&, const tlv::Node&);
Es10Response retrieve_notifications_list(CardContext&, const tlv::Node&);
Es10Response remove_notification_from_list(CardContext&, const tlv::Node&);
Es10Response get_rat(CardContext&, const tlv::Node&);

// ES10c (5.7.14-5.7.22)
Es10Response get_profiles_info(CardContext&, const tlv::Node&);
Es10Response enable_profile(CardContext&, const tlv::Node&);
Es10Response disable_profile(CardContext&, const tlv::Node&);
Es10Response delete_profile(CardContext&, const tlv::Node&);
Es10Response euicc_memory_reset(CardContext&, const tlv::Node&);
Es10Response get_eid(CardContext&, const tlv::Node&);
Es10Response set_nickname(CardContext&, const tlv::Node&);

// LoadBoundProfilePackage (5.7.6) does not arrive as whole TLVs but as the pieces of SGP.22
// section 2.5.5 (BF36 header + BF23, A0, A1 header, each 88, A2, A3 header, each 86); it gets
// every raw command that is part of a BPP.
Es10Response load_bound_profile_package_piece(CardContext&, ByteView piece);

}  // namespace lpad::veuicc::handlers
