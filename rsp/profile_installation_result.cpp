#include "rsp/profile_installation_result.h"

#include "rsp/download_fields.h"
#include "rsp/field_reader.h"
#include "rsp/tags.h"
#include "rsp/value_readers.h"
#include "tlv/values.h"

namespace lpad::rsp {

namespace ir = tags::installation_result;
using detail::to_bytes;
using tlv::Element;

Result<tlv::Element> encode_profile_installation_result_data(const ProfileInstallationResultData& d) {
  auto oid = tlv::oid(tags::kOid, d.smdp_oid);
  if (!oid) return unexpected(oid.error());
  Element result = Element::constructed(ir::kFinalResult);
  if (const auto* success = std::get_if<InstallSuccess>(&d.final_result)) {
    result.add(Element::constructed(ir::kSuccessResult, {tlv::octets(tags::kIsdpAid, success->aid),
                                                         tlv::octets(ir::kSimaResponse, success->sima_response)}));
  } else {
    const auto& error = std::get<InstallError>(d.final_result);
    auto e = Element::constructed(ir::kErrorResult, {tlv::integer(ir::kBppCommandId, static_cast<std::int64_t>(error.command)),
                                                     tlv::integer(ir::kErrorReason, static_cast<std::int64_t>(error.reason))});
    if (error.sima_response) e.add(tlv::octets(ir::kErrorSimaResponse, *error.sima_response));
    result.add(std::move(e));
  }
  return Element::constructed(tags::kProfileInstallationResultData,
                              {tlv::octets(tags::download::kTransactionId, d.transaction_id),
                               encode_notification_metadata(d.notification), std::move(*oid), std::move(result)});
}

namespace {

Result<std::variant<InstallSuccess, InstallError>> decode_final_result(const tlv::Node& node) {
  if (auto success = node.find(ir::kSuccessResult)) {
    FieldReader f(*success);
    auto aid = f.required(tags::kIsdpAid, read_sized_bytes<5, 16>);
    auto sima = f.required(ir::kSimaResponse, read_bytes);
    if (auto ok = f.finish(); !ok) return unexpected(ok.error());
    return InstallSuccess{std::move(*aid), std::move(*sima)};
  }
  auto error = node.require(ir::kErrorResult);
  if (!error) return unexpected(error.error());
  FieldReader f(*error);
  auto command = f.required(ir::kBppCommandId, read_enumerated<BppCommandId, 127>);
  auto reason = f.required(ir::kErrorReason, read_enumerated<InstallErrorReason, 127>);
  auto sima = f.optional(ir::kErrorSimaResponse, read_bytes);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return InstallError{*command, *reason, std::move(sima)};
}

}  // namespace

Result<ProfileInstallationResultData> decode_profile_installation_result_data(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kProfileInstallationResultData); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto transaction_id = f.required(tags::download::kTransactionId, detail::read_transaction_id);
  auto metadata = f.required(tags::kNotificationMetadata, decode_notification_metadata);
  auto oid = f.required(tags::kOid, tlv::read_oid);
  auto final_node = f.required_node(ir::kFinalResult);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  auto final_result = decode_final_result(*final_node);
  if (!final_result) return unexpected(final_result.error());
  return ProfileInstallationResultData{std::move(*transaction_id), std::move(*metadata), std::move(*oid), std::move(*final_result)};
}

tlv::Element encode_profile_installation_result(ByteView data_der, ByteView euicc_sign_pir) {
  return Element::constructed(tags::kProfileInstallationResult,
                              {Element::preencoded(to_bytes(data_der)), detail::signature(euicc_sign_pir)});
}

Result<ProfileInstallationResult> decode_profile_installation_result(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kProfileInstallationResult); !ok) return unexpected(ok.error());
  auto c = detail::children_in_order(node, {tags::kProfileInstallationResultData, tags::kSignature});
  if (!c) return unexpected(c.error());
  auto data = decode_profile_installation_result_data((*c)[0]);
  if (!data) return unexpected(data.error());
  return ProfileInstallationResult{std::move(*data), to_bytes((*c)[0].encoded()), to_bytes((*c)[1].value())};
}

}  // namespace lpad::rsp
