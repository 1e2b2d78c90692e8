// ES10b.GetRAT (SGP.22 section 5.7.12, 2.9.2.1): the Rules Authorisation Table that says which
// operators may set which Profile Policy Rules. This card's table is fixed: any operator may set
// PPR1 and PPR2, with the end user's consent.
#include "rsp/profile.h"
#include "rsp/tags.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

namespace {

// OperatorId with every MCC/MNC digit 'E', the wildcard of SGP.22 section 2.9.2.1.
constexpr std::uint8_t kAnyMccMnc[] = {0xEE, 0xEE, 0xEE};
constexpr std::size_t kConsentRequired = 0;  // pprFlags BIT STRING { consentRequired(0) }

// ProfilePolicyAuthorisationRule ::= SEQUENCE { pprIds [0], allowedOperators [1] SEQUENCE OF
//   OperatorId, pprFlags [2] } (AUTOMATIC TAGS).
tlv::Element any_operator_rule(const rsp::PolicyRules& pprs) {
  using tlv::Tag;
  auto any_operator =
      tlv::Element::constructed(rsp::tags::kSequence, {tlv::octets(rsp::tags::operator_id::kMccMnc, ByteView(kAnyMccMnc))});
  return tlv::Element::constructed(
      rsp::tags::kSequence,
      {tlv::bit_string(Tag::context(0, false), rsp::encode_policy_rules(pprs)),
       tlv::Element::constructed(Tag::context(1, true), {std::move(any_operator)}),
       tlv::bit_string(Tag::context(2, false), tlv::BitString::named({kConsentRequired}))});
}

}  // namespace

// GetRatResponse ::= [67] SEQUENCE { rat [0] RulesAuthorisationTable (SEQUENCE OF ...) }
Es10Response get_rat(CardContext&, const tlv::Node&) {
  rsp::PolicyRules ppr1_and_ppr2;
  ppr1_and_ppr2.disable_not_allowed = true;
  ppr1_and_ppr2.delete_not_allowed = true;
  return tlv::Element::constructed(rsp::tags::kGetRat,
                                   {tlv::Element::constructed(tlv::Tag::context(0, true), {any_operator_rule(ppr1_and_ppr2)})})
      .encode();
}

}  // namespace lpad::veuicc::handlers
