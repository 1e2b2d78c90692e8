// Members of the download session (see ../download_session.h), filled in step by step:
// GetEUICCChallenge -> AuthenticateServer -> PrepareDownload -> LoadBoundProfilePackage
// (SGP.22 section 3.1.3). Each step checks that the one before it left what it needs.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/bytes.h"
#include "crypto/keys.h"
#include "veuicc/application/download/bpp_loader.h"

namespace lpad::veuicc {

// What AuthenticateServer (SGP.22 section 5.7.13) established.
struct AuthenticatedServer {
  Bytes transaction_id;
  std::string server_address;              // serverSigned1.serverAddress: where the install notification goes
  std::optional<std::string> matching_id;  // from ctxParams1
  std::string smdp_oid;                    // of CERT.DPauth, for euiccCancelSessionSigned
  Bytes ci_pkid;                           // euiccCiPKIdToBeUsed
  Bytes euicc_signature1;                  // smdpSignature2 covers it
};

// What PrepareDownload (SGP.22 section 5.7.14) established.
struct PreparedDownload {
  crypto::PrivateKey otsk;    // otSK.EUICC.ECKA
  Bytes euicc_otpk;           // otPK.EUICC.ECKA, 04 || X || Y
  crypto::PublicKey dppb_key; // PK.DPpb.ECDSA, checks smdpSign in InitialiseSecureChannel
  std::string smdp_oid;       // of CERT.DPpb, for the ProfileInstallationResult
};

struct DownloadSessionData {
  std::optional<Bytes> euicc_challenge;  // from GetEUICCChallenge, checked in AuthenticateServer
  std::optional<AuthenticatedServer> server;
  std::optional<PreparedDownload> prepared;
  std::unique_ptr<BppLoader> bpp;        // from the BF36 header to the ProfileInstallationResult
};

}  // namespace lpad::veuicc
