#include "qr/activation_code.h"

#include <fmt/format.h>

#include <vector>

#include "core/redact.h"
#include "core/shown_text.h"

namespace lpad::qr {

namespace {

constexpr std::string_view kPrefix = "LPA:";
constexpr char kDelimiter = '$';

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> fields;
  for (;;) {
    auto pos = text.find(kDelimiter);
    fields.push_back(text.substr(0, pos));
    if (pos == std::string_view::npos) return fields;
    text.remove_prefix(pos + 1);
  }
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// RFC 1123 host name labels, then an optional decimal port 1-65535.
Result<void> check_address(std::string_view address) {
  if (address.empty()) return fail(Errc::ac_missing_address, "the activation code has no SM-DP+ address");
  if (address.size() > kMaxAddressLength)
    return fail(Errc::ac_field_too_long, fmt::format("the SM-DP+ address is {} characters long (at most {})", address.size(), kMaxAddressLength));
  if (address.find("://") != std::string_view::npos)
    return fail(Errc::ac_invalid_address, fmt::format("the SM-DP+ address must be a host name, not a URL: '{}'", shown_text(address)));
  if (address.find('/') != std::string_view::npos)
    return fail(Errc::ac_invalid_address, fmt::format("the SM-DP+ address must be a host name without a path: '{}'", shown_text(address)));

  std::string_view host = address;
  if (auto colon = address.rfind(':'); colon != std::string_view::npos) {
    host = address.substr(0, colon);
    auto port = address.substr(colon + 1);
    unsigned value = 0;
    bool digits = !port.empty() && port.size() <= 5;
    for (char c : port) {
      if (c < '0' || c > '9') digits = false;
      else value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (!digits || value == 0 || value > 65535)
      return fail(Errc::ac_invalid_address, fmt::format("the SM-DP+ address has an invalid port: '{}'", shown_text(address)));
  }
  if (host.empty() || host.front() == '.' || host.back() == '.')
    return fail(Errc::ac_invalid_address, fmt::format("the SM-DP+ address is not a host name: '{}'", shown_text(address)));
  std::size_t label = 0;
  for (std::size_t i = 0; i < host.size(); ++i) {
    char c = host[i];
    if (c == '.') {
      if (label == 0) return fail(Errc::ac_invalid_address, fmt::format("the SM-DP+ address has an empty label: '{}'", shown_text(address)));
      label = 0;
      continue;
    }
    bool ok = is_alnum(c) || (c == '-' && label != 0 && i + 1 < host.size() && host[i + 1] != '.') || c == '_';
    if (!ok)
      return fail(Errc::ac_invalid_address, fmt::format("the SM-DP+ address has a character not allowed in a host name ('{}'): '{}'", shown_text({&c, 1}), shown_text(address)));
    if (++label > 63) return fail(Errc::ac_invalid_address, "a label of the SM-DP+ address is longer than 63 characters");
  }
  return {};
}

Result<void> check_oid(std::string_view oid) {
  if (oid.size() > kMaxOidLength)
    return fail(Errc::ac_field_too_long, fmt::format("the SM-DP+ OID is {} characters long (at most {})", oid.size(), kMaxOidLength));
  bool arc_started = false;
  std::size_t arcs = 0;
  for (char c : oid) {
    if (c == '.') {
      if (!arc_started) return fail(Errc::ac_invalid_oid, fmt::format("the SM-DP+ OID '{}' has an empty arc", shown_text(oid)));
      arc_started = false;
    } else if (c >= '0' && c <= '9') {
      if (!arc_started) ++arcs;
      arc_started = true;
    } else {
      return fail(Errc::ac_invalid_oid, fmt::format("the SM-DP+ OID '{}' is not in dotted decimal form", shown_text(oid)));
    }
  }
  if (!arc_started || arcs < 2) return fail(Errc::ac_invalid_oid, fmt::format("the SM-DP+ OID '{}' is not in dotted decimal form", shown_text(oid)));
  return {};
}

}  // namespace

Result<ActivationCode> parse_activation_code(std::string_view text) {
  if (text.empty()) return fail(Errc::ac_empty, "the activation code is empty");
  if (text.size() > kMaxActivationCodeLength)
    return fail(Errc::ac_field_too_long, fmt::format("the activation code is {} characters long (at most {})", text.size(), kMaxActivationCodeLength));
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F)
      return fail_at(Errc::ac_control_character, i, fmt::format("the activation code contains a control character (0x{:02X})", c));
  }
  if (text.size() >= kPrefix.size() && text.substr(0, kPrefix.size()) == kPrefix) text.remove_prefix(kPrefix.size());

  auto fields = split(text);
  if (fields[0] != "1") {
    // A lone field may be a pasted matching ID: show only its head.
    auto shown = shown_text(fields.size() == 1 ? redact_keep_head(fields[0]) : std::string(fields[0]));
    return fail(Errc::ac_unsupported_format,
                fmt::format("the activation code starts with format '{}'; only format 1 (\"LPA:1$...\") exists", shown));
  }
  if (fields.size() < 2 || fields[1].empty()) return fail(Errc::ac_missing_address, "the activation code has no SM-DP+ address");
  if (fields.size() < 3) return fail(Errc::ac_invalid_matching_id, "the activation code has no matching ID field (\"LPA:1$<address>$<matching ID>\")");
  if (fields.size() > 5)
    return fail(Errc::ac_too_many_fields, fmt::format("the activation code has {} fields separated by '$' (at most 5)", fields.size()));

  ActivationCode code;
  if (auto ok = check_address(fields[1]); !ok) return unexpected(ok.error());
  code.smdp_address = std::string(fields[1]);

  auto matching_id = fields[2];
  if (matching_id.size() > kMaxMatchingIdLength)
    return fail(Errc::ac_field_too_long, fmt::format("the matching ID '{}' is {} characters long (at most {})",
                                                     shown_text(redact_keep_head(matching_id)), matching_id.size(), kMaxMatchingIdLength));
  code.matching_id = std::string(matching_id);

  if (fields.size() >= 4 && !fields[3].empty()) {
    if (auto ok = check_oid(fields[3]); !ok) return unexpected(ok.error());
    code.smdp_oid = std::string(fields[3]);
  }
  if (fields.size() == 5 && !fields[4].empty()) {
    if (fields[4] != "1")
      return fail(Errc::ac_invalid_confirmation_flag,
                  fmt::format("the confirmation-code-required flag must be '1' or absent, not '{}'", shown_text(redact_keep_head(fields[4], 2))));
    code.confirmation_code_required = true;
  }
  return code;
}

std::string format_activation_code(const ActivationCode& code) {
  std::string out = fmt::format("LPA:1${}${}", code.smdp_address, code.matching_id);
  if (code.smdp_oid || code.confirmation_code_required) out += fmt::format("${}", code.smdp_oid.value_or(""));
  if (code.confirmation_code_required) out += "$1";
  return out;
}

}  // namespace lpad::qr
