// RAII for OpenSSL handles: every handle the crypto layer touches lives in one of these
// unique_ptrs from the moment OpenSSL returns it, so no early return can leak it.
// openssl_failure() turns the thread's OpenSSL error queue into an lpad::Error message (and
// empties the queue, so a later failure does not report stale entries).
#pragma once

#include <memory>
#include <string_view>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "core/error.h"

namespace lpad::crypto {

namespace detail {
template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const noexcept { Free(p); }
};
// OSSL_PARAM arrays from OSSL_PARAM_BLD_to_param() are freed with OSSL_PARAM_free.
inline void free_x509_stack(STACK_OF(X509) * s) noexcept { sk_X509_pop_free(s, X509_free); }
inline void free_ecdsa_sig(ECDSA_SIG* s) noexcept { ECDSA_SIG_free(s); }
inline void free_bn(BIGNUM* b) noexcept { BN_clear_free(b); }  // may hold a private scalar
inline void free_bio(BIO* b) noexcept { BIO_free_all(b); }
}  // namespace detail

template <class T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, detail::Deleter<T, Free>>;

using EvpPkey = Handle<EVP_PKEY, EVP_PKEY_free>;
using EvpPkeyCtx = Handle<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using EvpMdCtx = Handle<EVP_MD_CTX, EVP_MD_CTX_free>;
using EvpMd = Handle<EVP_MD, EVP_MD_free>;
using EvpCipherCtx = Handle<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;
using EvpCipher = Handle<EVP_CIPHER, EVP_CIPHER_free>;
using EvpMac = Handle<EVP_MAC, EVP_MAC_free>;
using EvpMacCtx = Handle<EVP_MAC_CTX, EVP_MAC_CTX_free>;
using EvpKdf = Handle<EVP_KDF, EVP_KDF_free>;
using EvpKdfCtx = Handle<EVP_KDF_CTX, EVP_KDF_CTX_free>;
using X509Ptr = Handle<X509, X509_free>;
using X509Store = Handle<X509_STORE, X509_STORE_free>;
using X509StoreCtx = Handle<X509_STORE_CTX, X509_STORE_CTX_free>;
using X509Stack = Handle<STACK_OF(X509), detail::free_x509_stack>;
using Bio = Handle<BIO, detail::free_bio>;
using Bignum = Handle<BIGNUM, detail::free_bn>;
using BnCtx = Handle<BN_CTX, BN_CTX_free>;
using EcdsaSig = Handle<ECDSA_SIG, detail::free_ecdsa_sig>;
using EcGroup = Handle<EC_GROUP, EC_GROUP_free>;
using EcPoint = Handle<EC_POINT, EC_POINT_free>;
using OsslParamBld = Handle<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using OsslParams = Handle<OSSL_PARAM, OSSL_PARAM_free>;
using Asn1OctetString = Handle<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free>;
using AuthorityKeyId = Handle<AUTHORITY_KEYID, AUTHORITY_KEYID_free>;

// An Error with `code` whose message is `what` followed by the drained OpenSSL error queue,
// e.g. "cannot read certificate: error:0680007B:asn1 encoding routines::header too long".
Error openssl_error(Errc code, std::string_view what);

// Shorthand for `return openssl_failure(Errc::x, "...");` in functions returning Result<T>.
inline unexpected<Error> openssl_failure(Errc code, std::string_view what) {
  return unexpected<Error>(openssl_error(code, what));
}

// Discards queued OpenSSL errors from an expected failure (e.g. a signature that does not verify).
void clear_openssl_errors();

}  // namespace lpad::crypto
