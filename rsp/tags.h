// SGP.22 tags, as ../shared/asn1/RSPDefinitions.asn gives them (AUTOMATIC TAGS: [n] is context
// tag n, primitive 80+n or constructed A0+n; explicit APPLICATION/PRIVATE tags noted). Grouped by
// the structure they belong to; a tag's meaning depends on its parent, so each group is its own
// namespace. Sections refer to SGP.22 v2.2.2.
#pragma once

#include "tlv/tag.h"

namespace lpad::rsp::tags {

using tlv::Tag;

// Shared types (section 5.7, 2.4)
inline constexpr Tag kIccid{0x5A};                 // Iccid ::= [APPLICATION 26] OCTET STRING (SIZE(10))
inline constexpr Tag kIsdpAid{0x4F};               // [APPLICATION 15] OctetTo16
inline constexpr Tag kSignature{0x5F37};           // [APPLICATION 55] OCTET STRING: every ECDSA signature
inline constexpr Tag kOtpk{0x5F49};                // [APPLICATION 73] OCTET STRING: one-time ECKA public keys
inline constexpr Tag kTagList{0x5C};               // [APPLICATION 28] OCTET STRING
inline constexpr Tag kOctetString{0x04};           // universal OCTET STRING (SubjectKeyIdentifier, ...)
inline constexpr Tag kUtf8String{0x0C};            // universal UTF8String
inline constexpr Tag kBoolean{0x01};
inline constexpr Tag kBitString{0x03};
inline constexpr Tag kInteger{0x02};
inline constexpr Tag kOid{0x06};
inline constexpr Tag kSequence{0x30};
inline constexpr Tag kCertificate{0x30};           // X.509 Certificate (SEQUENCE)

// ES10 request/response tags (section 5.7): the outer tag of each function's command and answer
inline constexpr Tag kEuiccInfo1{0xBF20};                 // GetEuiccInfo1Request / EUICCInfo1
inline constexpr Tag kPrepareDownload{0xBF21};            // PrepareDownloadRequest / Response
inline constexpr Tag kEuiccInfo2{0xBF22};                 // GetEuiccInfo2Request / EUICCInfo2
inline constexpr Tag kInitialiseSecureChannel{0xBF23};
inline constexpr Tag kConfigureIsdp{0xBF24};
inline constexpr Tag kStoreMetadata{0xBF25};
inline constexpr Tag kReplaceSessionKeys{0xBF26};
inline constexpr Tag kProfileInstallationResultData{0xBF27};
inline constexpr Tag kListNotification{0xBF28};
inline constexpr Tag kSetNickname{0xBF29};
inline constexpr Tag kUpdateMetadata{0xBF2A};
inline constexpr Tag kRetrieveNotificationsList{0xBF2B};
inline constexpr Tag kProfileInfoList{0xBF2D};
inline constexpr Tag kEuiccChallenge{0xBF2E};             // GetEuiccChallengeRequest / Response
inline constexpr Tag kNotificationMetadata{0xBF2F};
inline constexpr Tag kNotificationSent{0xBF30};           // RemoveNotificationFromList
inline constexpr Tag kEnableProfile{0xBF31};
inline constexpr Tag kDisableProfile{0xBF32};
inline constexpr Tag kDeleteProfile{0xBF33};
inline constexpr Tag kEuiccMemoryReset{0xBF34};
inline constexpr Tag kLoadCrl{0xBF35};
inline constexpr Tag kBoundProfilePackage{0xBF36};
inline constexpr Tag kProfileInstallationResult{0xBF37};
inline constexpr Tag kAuthenticateServer{0xBF38};
inline constexpr Tag kEuiccConfiguredAddresses{0xBF3C};
inline constexpr Tag kGetEuiccData{0xBF3E};               // GetEID
inline constexpr Tag kSetDefaultDpAddress{0xBF3F};
inline constexpr Tag kCancelSession{0xBF41};
inline constexpr Tag kGetRat{0xBF43};

// ES9+/ES11 ASN.1 wrappers (section 6, RemoteProfileProvisioning*)
inline constexpr Tag kInitiateAuthentication{0xBF39};
inline constexpr Tag kGetBoundProfilePackage{0xBF3A};
inline constexpr Tag kAuthenticateClient{0xBF3B};
inline constexpr Tag kHandleNotification{0xBF3D};
inline constexpr Tag kAuthenticateClientEs11{0xBF40};

// EUICCInfo1 / EUICCInfo2 members
namespace euicc_info {
inline constexpr Tag kProfileVersion{0x81};
inline constexpr Tag kSvn{0x82};
inline constexpr Tag kFirmwareVersion{0x83};
inline constexpr Tag kExtCardResource{0x84};
inline constexpr Tag kUiccCapability{0x85};
inline constexpr Tag kJavacardVersion{0x86};          // ts102241Version in older texts
inline constexpr Tag kGlobalPlatformVersion{0x87};
inline constexpr Tag kRspCapability{0x88};
inline constexpr Tag kCiPkidsForVerification{0xA9};
inline constexpr Tag kCiPkidsForSigning{0xAA};
inline constexpr Tag kEuiccCategory{0x8B};
inline constexpr Tag kForbiddenPprs{0x99};
inline constexpr Tag kPpVersion{0x04};                  // ppVersion VersionType (untagged OCTET STRING)
inline constexpr Tag kSasAccreditationNumber{0x0C};     // untagged UTF8String
inline constexpr Tag kCertificationDataObject{0xAC};
}  // namespace euicc_info

// EuiccConfiguredAddressesResponse / SetDefaultDpAddressRequest (section 5.7.3, 5.7.4)
namespace addresses {
inline constexpr Tag kDefaultDpAddress{0x80};
inline constexpr Tag kRootDsAddress{0x81};
}  // namespace addresses

// ProfileInfo ::= [PRIVATE 3] SEQUENCE and StoreMetadataRequest members (section 5.7.15, 5.5.3)
namespace profile {
inline constexpr Tag kProfileInfo{0xE3};
inline constexpr Tag kProfileInfoListOk{0xA0};          // ProfileInfoListResponse.profileInfoListOk
inline constexpr Tag kProfileInfoListError{0x81};
inline constexpr Tag kSearchCriteria{0xA0};             // ProfileInfoListRequest.searchCriteria [0]
inline constexpr Tag kState{0x9F70};
inline constexpr Tag kNickname{0x90};
inline constexpr Tag kServiceProviderName{0x91};
inline constexpr Tag kName{0x92};
inline constexpr Tag kIconType{0x93};
inline constexpr Tag kIcon{0x94};
inline constexpr Tag kClass{0x95};
inline constexpr Tag kNotificationConfigurationInfo{0xB6};
inline constexpr Tag kProfileOwner{0xB7};
inline constexpr Tag kDpProprietaryData{0xB8};
inline constexpr Tag kPolicyRules{0x99};
inline constexpr Tag kRefArDo{0xBF76};
}  // namespace profile

// NotificationConfigurationInformation ::= SEQUENCE: no member is tagged, so AUTOMATIC TAGS numbers
// them [0], [1] (X.680 25.3)
namespace notification_configuration {
inline constexpr Tag kOperations{0x80};
inline constexpr Tag kAddress{0x81};
}  // namespace notification_configuration

// OperatorId ::= SEQUENCE (profileOwner)
namespace operator_id {
inline constexpr Tag kMccMnc{0x80};
inline constexpr Tag kGid1{0x81};
inline constexpr Tag kGid2{0x82};
}  // namespace operator_id

// NotificationMetadata ::= [47] SEQUENCE and its lists (section 5.7.9-5.7.11)
namespace notification {
inline constexpr Tag kSeqNumber{0x80};
inline constexpr Tag kOperation{0x81};                  // profileManagementOperation NotificationEvent
inline constexpr Tag kAddress{0x0C};                    // notificationAddress UTF8String
inline constexpr Tag kMetadataListOk{0xA0};             // ListNotificationResponse.notificationMetadataList
inline constexpr Tag kListError{0x81};
inline constexpr Tag kPendingListOk{0xA0};              // RetrieveNotificationsListResponse.notificationList
inline constexpr Tag kSearchBySeqNumber{0x80};
inline constexpr Tag kSearchByOperation{0x81};
inline constexpr Tag kOtherSignedNotification{0x30};
}  // namespace notification

// Profile download (sections 5.7.13 AuthenticateServer, 5.7.14 PrepareDownload, 5.7.16
// CancelSession, 2.5.5 BoundProfilePackage, 5.7.6 ProfileInstallationResult). transactionId is
// [0] wherever it is tagged; responses are CHOICEs of ok [0] and error [1].
namespace download {
inline constexpr Tag kTransactionId{0x80};
inline constexpr Tag kResponseOk{0xA0};
inline constexpr Tag kResponseError{0xA1};
inline constexpr Tag kErrorCode{0x02};                 // authenticateErrorCode, downloadErrorCode: untagged INTEGER
inline constexpr Tag kHashCc{0x04};                    // Octet32, untagged
inline constexpr Tag kEuiccChallenge{0x80};            // GetEuiccChallengeResponse
}  // namespace download

// ServerSigned1 and EuiccSigned1 ([0], [1], [3], [4]; euiccInfo2 is BF22)
namespace signed1 {
inline constexpr Tag kTransactionId{0x80};
inline constexpr Tag kEuiccChallenge{0x81};
inline constexpr Tag kServerAddress{0x83};
inline constexpr Tag kServerChallenge{0x84};
}  // namespace signed1

// CtxParams1 ::= CHOICE { ctxParamsForCommonAuthentication [0] }, DeviceInfo, DeviceCapabilities
namespace ctx_params {
inline constexpr Tag kCommonAuthentication{0xA0};
inline constexpr Tag kMatchingId{0x80};
inline constexpr Tag kDeviceInfo{0xA1};
inline constexpr Tag kTac{0x80};
inline constexpr Tag kDeviceCapabilities{0xA1};
inline constexpr Tag kImei{0x82};
}  // namespace ctx_params

// SmdpSigned2 { [0] transactionId, BOOLEAN ccRequiredFlag, 5F49 bppEuiccOtpk }
namespace signed2 {
inline constexpr Tag kCcRequiredFlag{0x01};
}  // namespace signed2

// InitialiseSecureChannelRequest (BF23) and its ControlRefTemplate [6] (A6)
namespace secure_channel {
inline constexpr Tag kRemoteOpId{0x82};
inline constexpr Tag kControlRefTemplate{0xA6};
inline constexpr Tag kKeyType{0x80};
inline constexpr Tag kKeyLength{0x81};
inline constexpr Tag kHostId{0x84};
}  // namespace secure_channel

// BoundProfilePackage (BF36) members
namespace bpp {
inline constexpr Tag kFirstSequenceOf87{0xA0};
inline constexpr Tag kSequenceOf88{0xA1};
inline constexpr Tag kSecondSequenceOf87{0xA2};
inline constexpr Tag kSequenceOf86{0xA3};
}  // namespace bpp

// ProfileInstallationResultData (BF27): finalResult [2] CHOICE { successResult [0], errorResult [1] }
namespace installation_result {
inline constexpr Tag kFinalResult{0xA2};
inline constexpr Tag kSuccessResult{0xA0};
inline constexpr Tag kErrorResult{0xA1};
inline constexpr Tag kSimaResponse{0x04};              // in SuccessResult (untagged OCTET STRING)
inline constexpr Tag kBppCommandId{0x80};              // ErrorResult members (automatic tags)
inline constexpr Tag kErrorReason{0x81};
inline constexpr Tag kErrorSimaResponse{0x82};
}  // namespace installation_result

// CancelSessionRequest (BF41) and EuiccCancelSessionSigned: automatic tags [0], [1], [2]
namespace cancel_session {
inline constexpr Tag kTransactionId{0x80};
inline constexpr Tag kReason{0x81};                    // in the request
inline constexpr Tag kSmdpOid{0x81};                   // in euiccCancelSessionSigned
inline constexpr Tag kSignedReason{0x82};              // in euiccCancelSessionSigned
inline constexpr Tag kResponseError{0x81};             // cancelSessionResponseError INTEGER [1]
}  // namespace cancel_session

}  // namespace lpad::rsp::tags
