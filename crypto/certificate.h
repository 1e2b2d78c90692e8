// X.509 certificates of the SGP.22 PKI (section 4.5.2): CERT.CI, CERT.EUM, CERT.EUICC,
// CERT.DPauth, CERT.DPpb. Read-only; copies share the one OpenSSL object.
#pragma once

#include <optional>
#include <string>

#include "core/bytes.h"
#include "core/error.h"
#include "crypto/keys.h"
#include "crypto/openssl_handles.h"

namespace lpad::crypto {

class Certificate {
 public:
  static Result<Certificate> from_der(ByteView der);
  static Result<Certificate> from_pem(ByteView pem);
  // DER (starts with 30, a SEQUENCE) or PEM, whichever the bytes are.
  static Result<Certificate> load(ByteView der_or_pem);

  Certificate(const Certificate& other);
  Certificate& operator=(const Certificate& other);
  Certificate(Certificate&&) noexcept = default;
  Certificate& operator=(Certificate&&) noexcept = default;

  Bytes der() const;
  Result<PublicKey> public_key() const;
  // The keyIdentifier of the extension; for a CI certificate the SKI is its PKID, the value an
  // eUICC lists in euiccCiPKIdListForVerification/ForSigning.
  std::optional<Bytes> subject_key_identifier() const;
  std::optional<Bytes> authority_key_identifier() const;
  // One line for messages, e.g. "C = DE, O = RSP Test EUM, CN = EUM Test".
  std::string subject() const;
  // The subject's serialNumber attribute: the EID in CERT.EUICC (SGP.22 section 4.5.2.1.0.3).
  std::optional<std::string> subject_serial_number() const;

  X509* get() const { return cert_.get(); }

 private:
  explicit Certificate(X509Ptr cert) : cert_(std::move(cert)) {}
  X509Ptr cert_;
};

}  // namespace lpad::crypto
