// ProfileInstallationResult (SGP.22 section 5.7.6 and 2.5.6): the eUICC's signed report at the end
// of LoadBoundProfilePackage, which it also keeps as the install notification (a
// PendingNotification) until the LPA has delivered it to the SM-DP+.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "core/bytes.h"
#include "core/error.h"
#include "rsp/notification.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"

namespace lpad::rsp {

enum class BppCommandId : std::uint8_t {
  initialise_secure_channel = 0,
  configure_isdp = 1,
  store_metadata = 2,
  store_metadata2 = 3,
  replace_session_keys = 4,
  load_profile_elements = 5,
};

enum class InstallErrorReason : std::uint8_t {
  incorrect_input_values = 1,
  invalid_signature = 2,
  invalid_transaction_id = 3,
  unsupported_crt_values = 4,
  unsupported_remote_operation_type = 5,
  unsupported_profile_class = 6,
  scp03t_structure_error = 7,
  scp03t_security_error = 8,
  iccid_already_exists = 9,            // installFailedDueToIccidAlreadyExistsOnEuicc
  insufficient_memory = 10,            // installFailedDueToInsufficientMemoryForProfile
  interruption = 11,                   // installFailedDueToInterruption
  pe_processing_error = 12,            // installFailedDueToPEProcessingError
  data_mismatch = 13,                  // installFailedDueToDataMismatch
  test_profile_invalid_naa_key = 14,
  ppr_not_allowed = 15,
  unknown_error = 127,                 // installFailedDueToUnknownError
};

// SuccessResult ::= SEQUENCE { aid 4F (5..16 bytes), simaResponse OCTET STRING }
struct InstallSuccess {
  Bytes aid;
  Bytes sima_response;  // EUICCResponse DER(s) of the profile package interpreter
  bool operator==(const InstallSuccess&) const = default;
};

// ErrorResult ::= SEQUENCE { bppCommandId, errorReason, simaResponse OPTIONAL }
struct InstallError {
  BppCommandId command = BppCommandId::initialise_secure_channel;
  InstallErrorReason reason = InstallErrorReason::unknown_error;
  std::optional<Bytes> sima_response;
  bool operator==(const InstallError&) const = default;
};

// ProfileInstallationResultData ::= [39] SEQUENCE (BF27) { transactionId [0], notificationMetadata
//   BF2F, smdpOid OBJECT IDENTIFIER, finalResult [2] CHOICE { successResult [0], errorResult [1] } }
struct ProfileInstallationResultData {
  Bytes transaction_id;
  NotificationMetadata notification;
  std::string smdp_oid;  // dotted, as CERT.DPpb carries it
  std::variant<InstallSuccess, InstallError> final_result;
  bool operator==(const ProfileInstallationResultData&) const = default;

  bool succeeded() const { return std::holds_alternative<InstallSuccess>(final_result); }
};
Result<tlv::Element> encode_profile_installation_result_data(const ProfileInstallationResultData& data);
Result<ProfileInstallationResultData> decode_profile_installation_result_data(const tlv::Node& node);

// ProfileInstallationResult ::= [55] SEQUENCE (BF37) { profileInstallationResultData BF27,
//   euiccSignPIR 5F37 } where euiccSignPIR signs the BF27 TLV.
struct ProfileInstallationResult {
  ProfileInstallationResultData data;
  Bytes data_der;        // the BF27 TLV as signed
  Bytes euicc_sign_pir;  // r || s
};
// Puts the signed BF27 TLV and its signature together.
tlv::Element encode_profile_installation_result(ByteView data_der, ByteView euicc_sign_pir);
Result<ProfileInstallationResult> decode_profile_installation_result(const tlv::Node& node);

}  // namespace lpad::rsp
