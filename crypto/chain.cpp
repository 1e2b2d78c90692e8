#include "crypto/chain.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include "crypto/openssl_handles.h"

namespace lpad::crypto {
namespace {

using NameConstraints = Handle<NAME_CONSTRAINTS, NAME_CONSTRAINTS_free>;
void free_policies(CERTIFICATEPOLICIES* p) noexcept { CERTIFICATEPOLICIES_free(p); }
using CertificatePolicies = Handle<CERTIFICATEPOLICIES, free_policies>;

// Per-verification state the callback reaches through the store context's app data.
struct VerifyState {
  bool permitted_subtree_violation = false;
};

int verify_callback(int ok, X509_STORE_CTX* ctx) {
  if (!ok && X509_STORE_CTX_get_error(ctx) == X509_V_ERR_PERMITTED_VIOLATION) {
    auto* state = static_cast<VerifyState*>(X509_STORE_CTX_get_app_data(ctx));
    if (state) {
      state->permitted_subtree_violation = true;
      return 1;  // checked by satisfies_gsma_name_constraints() after the path verified
    }
  }
  return ok;
}

std::string entry_text(const X509_NAME_ENTRY* entry) {
  const ASN1_STRING* data = X509_NAME_ENTRY_get_data(entry);
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(data)),
                     static_cast<std::size_t>(ASN1_STRING_length(data)));
}

// SGP.22 section 4.5.2.1.0.2: every attribute of the permitted name must be in the subject with
// the same value, except serialNumber, which the subject's serialNumber must start with.
bool subject_within(const X509_NAME* subject, const X509_NAME* permitted) {
  for (int i = 0; i < X509_NAME_entry_count(permitted); ++i) {
    const X509_NAME_ENTRY* want = X509_NAME_get_entry(permitted, i);
    const int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(want));
    const std::string wanted = entry_text(want);
    const int index = X509_NAME_get_index_by_NID(subject, nid, -1);
    if (index < 0) return false;
    const std::string have = entry_text(X509_NAME_get_entry(subject, index));
    const bool match = nid == NID_serialNumber ? have.starts_with(wanted) : have == wanted;
    if (!match) return false;
  }
  return true;
}

Result<void> satisfies_gsma_name_constraints(STACK_OF(X509) * chain) {
  const int length = sk_X509_num(chain);
  for (int ca = 1; ca < length; ++ca) {
    X509* issuer = sk_X509_value(chain, ca);
    NameConstraints constraints(
        static_cast<NAME_CONSTRAINTS*>(X509_get_ext_d2i(issuer, NID_name_constraints, nullptr, nullptr)));
    if (!constraints || !constraints->permittedSubtrees) continue;
    for (int below = 0; below < ca; ++below) {
      const X509_NAME* subject = X509_get_subject_name(sk_X509_value(chain, below));
      bool within = false;
      for (int i = 0; i < sk_GENERAL_SUBTREE_num(constraints->permittedSubtrees); ++i) {
        const GENERAL_NAME* base = sk_GENERAL_SUBTREE_value(constraints->permittedSubtrees, i)->base;
        if (base->type != GEN_DIRNAME)
          return fail(Errc::crypto_chain_untrusted, "name constraint other than a directoryName in an RSP certificate");
        within = within || subject_within(subject, base->d.directoryName);
      }
      if (!within)
        return fail(Errc::crypto_chain_untrusted,
                    "certificate subject (O, EID) is outside its issuer's permitted name constraints");
    }
  }
  return {};
}

bool has_policy(X509* cert, const std::string& oid) {
  CertificatePolicies policies(
      static_cast<CERTIFICATEPOLICIES*>(X509_get_ext_d2i(cert, NID_certificate_policies, nullptr, nullptr)));
  if (!policies) return false;
  for (int i = 0; i < sk_POLICYINFO_num(policies.get()); ++i) {
    char text[80];
    if (OBJ_obj2txt(text, sizeof text, sk_POLICYINFO_value(policies.get(), i)->policyid, 1) > 0 && oid == text) return true;
  }
  return false;
}

}  // namespace

Result<VerifiedChain> verify_chain(const Certificate& leaf, std::span<const Certificate> intermediates,
                                   std::span<const Certificate> trusted_cis, const ChainOptions& options) {
  X509Store store(X509_STORE_new());
  X509Stack untrusted(sk_X509_new_null());
  X509StoreCtx ctx(X509_STORE_CTX_new());
  if (!store || !untrusted || !ctx) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate a certificate store");
  for (const auto& ci : trusted_cis)
    if (X509_STORE_add_cert(store.get(), ci.get()) != 1)
      return openssl_failure(Errc::crypto_openssl_failure, "cannot add a CI certificate to the store");
  for (const auto& cert : intermediates) {
    if (X509_up_ref(cert.get()) != 1) return openssl_failure(Errc::crypto_openssl_failure, "cannot reference a certificate");
    if (sk_X509_push(untrusted.get(), cert.get()) <= 0) {
      X509_free(cert.get());
      return openssl_failure(Errc::crypto_openssl_failure, "cannot collect the intermediate certificates");
    }
  }
  if (X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), untrusted.get()) != 1)
    return openssl_failure(Errc::crypto_openssl_failure, "cannot start path validation");

  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
  X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_X509_STRICT);
  if (options.at)
    X509_VERIFY_PARAM_set_time(param, *options.at);
  else
    X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_NO_CHECK_TIME);
  VerifyState state;
  X509_STORE_CTX_set_app_data(ctx.get(), &state);
  X509_STORE_CTX_set_verify_cb(ctx.get(), verify_callback);

  if (X509_verify_cert(ctx.get()) != 1) {
    const int error = X509_STORE_CTX_get_error(ctx.get());
    const int depth = X509_STORE_CTX_get_error_depth(ctx.get());
    clear_openssl_errors();
    return fail(Errc::crypto_chain_untrusted, fmt::format("certificate of {} does not verify: {} (depth {})", leaf.subject(),
                                                          X509_verify_cert_error_string(error), depth));
  }
  STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(ctx.get());
  if (state.permitted_subtree_violation) {
    auto names = satisfies_gsma_name_constraints(chain);
    if (!names) return unexpected<Error>(names.error());
  }
  // SGP.22 section 4.5.2: DPauth, DPpb and eUICC certificates are signing keys (keyUsage
  // digitalSignature); OpenSSL checks key usage of the CAs only, as no purpose is set.
  if ((X509_get_key_usage(leaf.get()) & KU_DIGITAL_SIGNATURE) == 0)
    return fail(Errc::crypto_chain_untrusted, fmt::format("certificate of {} is not for digital signatures", leaf.subject()));
  if (options.leaf_policy && !has_policy(leaf.get(), *options.leaf_policy))
    return fail(Errc::crypto_chain_untrusted,
                fmt::format("certificate of {} lacks certificate policy {}", leaf.subject(), *options.leaf_policy));

  X509* anchor = sk_X509_value(chain, sk_X509_num(chain) - 1);
  for (const auto& ci : trusted_cis) {
    if (X509_cmp(ci.get(), anchor) != 0) continue;
    auto pkid = ci.subject_key_identifier();
    if (!pkid) return fail(Errc::crypto_bad_certificate, fmt::format("CI certificate {} has no subject key identifier", ci.subject()));
    return VerifiedChain{ci, std::move(*pkid)};
  }
  return fail(Errc::crypto_chain_untrusted, "the path ends in a certificate that is not one of the trusted CIs");
}

std::optional<Certificate> find_ci_by_pkid(std::span<const Certificate> cis, ByteView pkid) {
  for (const auto& ci : cis) {
    auto ski = ci.subject_key_identifier();
    if (ski && std::ranges::equal(*ski, pkid)) return ci;
  }
  return std::nullopt;
}

}  // namespace lpad::crypto
