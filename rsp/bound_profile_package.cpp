#include "rsp/bound_profile_package.h"

#include "rsp/download_fields.h"
#include "rsp/field_reader.h"
#include "rsp/tags.h"
#include "rsp/value_readers.h"
#include "tlv/values.h"

namespace lpad::rsp {

namespace sc = tags::secure_channel;
using tlv::Element;

namespace {

Result<std::uint8_t> read_octet1(const tlv::Node& node) {
  auto bytes = read_sized_bytes<1, 1>(node);
  if (!bytes) return unexpected(bytes.error());
  return (*bytes)[0];
}

}  // namespace

tlv::Element encode_initialise_secure_channel(const InitialiseSecureChannelRequest& r) {
  const auto& crt = r.control_ref_template;
  return Element::constructed(
      tags::kInitialiseSecureChannel,
      {tlv::integer(sc::kRemoteOpId, r.remote_op_id), tlv::octets(tags::download::kTransactionId, r.transaction_id),
       Element::constructed(sc::kControlRefTemplate, {tlv::octets(sc::kKeyType, Bytes{crt.key_type}),
                                                      tlv::octets(sc::kKeyLength, Bytes{crt.key_length}),
                                                      tlv::octets(sc::kHostId, crt.host_id)}),
       tlv::octets(tags::kOtpk, r.smdp_otpk), detail::signature(r.smdp_sign)});
}

Result<InitialiseSecureChannelRequest> decode_initialise_secure_channel(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kInitialiseSecureChannel); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto remote_op = f.required(sc::kRemoteOpId, tlv::read_integer);
  auto transaction_id = f.required(tags::download::kTransactionId, detail::read_transaction_id);
  auto crt_node = f.required_node(sc::kControlRefTemplate);
  auto otpk = f.required(tags::kOtpk, read_bytes);
  auto sign = f.required(tags::kSignature, read_bytes);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  FieldReader c(*crt_node);
  auto key_type = c.required(sc::kKeyType, read_octet1);
  auto key_length = c.required(sc::kKeyLength, read_octet1);
  auto host_id = c.required(sc::kHostId, read_sized_bytes<1, 16>);
  if (auto ok = c.finish(); !ok) return unexpected(ok.error());
  return InitialiseSecureChannelRequest{*remote_op, std::move(*transaction_id),
                                        ControlRefTemplate{*key_type, *key_length, std::move(*host_id)},
                                        std::move(*otpk), std::move(*sign)};
}

Bytes initialise_secure_channel_signed_data(const tlv::Node& request, ByteView euicc_otpk) {
  Bytes data;
  for (const auto& member : request.children())
    if (member.tag() != tags::kSignature) data.insert(data.end(), member.encoded().begin(), member.encoded().end());
  tlv::octets(tags::kOtpk, euicc_otpk).append_to(data);
  return data;
}

}  // namespace lpad::rsp
