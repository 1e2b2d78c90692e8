#include "crypto/certificate.h"

#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace lpad::crypto {
namespace {

Bytes octets(const ASN1_OCTET_STRING* s) {
  const unsigned char* p = ASN1_STRING_get0_data(s);
  return Bytes(p, p + ASN1_STRING_length(s));
}

}  // namespace

Result<Certificate> Certificate::from_der(ByteView der) {
  const unsigned char* p = der.data();
  X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (!cert) return openssl_failure(Errc::crypto_bad_certificate, "not a DER X.509 certificate");
  if (p != der.data() + der.size()) return fail(Errc::crypto_bad_certificate, "bytes after the DER certificate");
  return Certificate(std::move(cert));
}

Result<Certificate> Certificate::from_pem(ByteView pem) {
  if (pem.size() > static_cast<std::size_t>(INT32_MAX)) return fail(Errc::crypto_bad_certificate, "PEM too long");
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate a memory BIO");
  X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) return openssl_failure(Errc::crypto_bad_certificate, "not a PEM X.509 certificate");
  return Certificate(std::move(cert));
}

Result<Certificate> Certificate::load(ByteView der_or_pem) {
  if (!der_or_pem.empty() && der_or_pem[0] == 0x30) return from_der(der_or_pem);
  return from_pem(der_or_pem);
}

Certificate::Certificate(const Certificate& other) {
  if (other.cert_ && X509_up_ref(other.cert_.get()) == 1) cert_.reset(other.cert_.get());
}

Certificate& Certificate::operator=(const Certificate& other) {
  if (this != &other) *this = Certificate(other);
  return *this;
}

Bytes Certificate::der() const {
  unsigned char* out = nullptr;
  const int size = i2d_X509(cert_.get(), &out);
  if (size <= 0) return {};
  Bytes der(out, out + size);
  OPENSSL_free(out);
  return der;
}

Result<PublicKey> Certificate::public_key() const {
  EVP_PKEY* key = X509_get0_pubkey(cert_.get());
  if (!key || EVP_PKEY_up_ref(key) != 1)
    return openssl_failure(Errc::crypto_bad_certificate, "the certificate's public key cannot be read");
  return PublicKey(EvpPkey(key));
}

std::optional<Bytes> Certificate::subject_key_identifier() const {
  const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(cert_.get());
  if (!ski) return std::nullopt;
  return octets(ski);
}

std::optional<Bytes> Certificate::authority_key_identifier() const {
  const ASN1_OCTET_STRING* aki = X509_get0_authority_key_id(cert_.get());
  if (!aki) return std::nullopt;
  return octets(aki);
}

std::string Certificate::subject() const {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert_.get()), 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB) < 0)
    return "?";
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

std::optional<std::string> Certificate::subject_serial_number() const {
  X509_NAME* name = X509_get_subject_name(cert_.get());
  int index = X509_NAME_get_index_by_NID(name, NID_serialNumber, -1);
  if (index < 0) return std::nullopt;
  ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
  if (!value) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)), static_cast<std::size_t>(ASN1_STRING_length(value)));
}

}  // namespace lpad::crypto
