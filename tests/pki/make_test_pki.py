#!/usr/bin/env python3
"""Generate lpad's own SGP.22 test PKI (NIST P-256) into a folder.

The files use the names and formats of the GSMA SGP.26 test set (../shared/pki/sgp26/), so a
software eUICC, a test SM-DP+ or a test SM-DS can load either set. The certificate profiles
follow GSMA SGP.22 v2 section 4.5.2.1 (and the SGP.26 certificates, extension by extension);
see tests/pki/README.md for the layout.

    make_test_pki.py OUTDIR [--eid EID] [--smdp-host NAME ...] [--smds-host NAME ...] [--days N]

Re-running: OUTDIR is written only if it is absent, empty, or a folder this tool wrote before
(it holds our pki.json). The new PKI is built in a staging folder beside OUTDIR and swapped in
with renames, so OUTDIR never holds a mix of two runs. Any other non-empty OUTDIR is refused.

Only python3-cryptography (Debian 12 ships 38.0.4) and the standard library are used.
"""

from __future__ import annotations

import argparse
import datetime
import ipaddress
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

GENERATOR_NAME = "lpad tests/pki/make_test_pki.py"
MANIFEST_NAME = "pki.json"
MANIFEST_FORMAT = 1

# Certificate roles, SGP.22 section 4.5.2.1 / RSPDefinitions: id-rspRole ::= {2.23.146.1.2.1}.
ROLE_CI = "2.23.146.1.2.1.0"
ROLE_EUICC = "2.23.146.1.2.1.1"
ROLE_EUM = "2.23.146.1.2.1.2"
ROLE_DP_TLS = "2.23.146.1.2.1.3"
ROLE_DP_AUTH = "2.23.146.1.2.1.4"
ROLE_DP_PB = "2.23.146.1.2.1.5"
ROLE_DS_TLS = "2.23.146.1.2.1.6"
ROLE_DS_AUTH = "2.23.146.1.2.1.7"

# Entity OIDs carried as subjectAltName registeredID (SGP.22 4.5.2.1: the CI, EUM, SM-DP+ and
# SM-DS certificates name their owner's OID). 2.999 is the ITU-T X.660 example arc; the values
# are those SGP.26 uses, so a test server configured for SGP.26 also accepts this PKI.
OID_CI = "2.999.1"
OID_EUM = "2.999.5"
OID_SMDP = "2.999.10"
OID_SMDS = "2.999.15"

# CRL distribution points as SGP.26 carries them; nothing serves them (the LPA does not fetch
# CRLs, SGP.22 4.5.2.2 makes that optional).
CRL_URLS = ("http://ci.test.lpad/CRL-A.crl", "http://ci.test.lpad/CRL-B.crl")

DEFAULT_SMDP_HOSTS = ("smdp.test.lpad", "testsmdpplus1.example.com")
DEFAULT_SMDS_HOSTS = ("smds.test.lpad",)
# Every TLS certificate also answers on loopback, where the tests and CI run their servers.
LOOPBACK_DNS_NAMES = ("localhost",)
LOOPBACK_ADDRESSES = ("127.0.0.1", "::1")
DEFAULT_DAYS = 3 * 365

COUNTRY = "XX"  # ISO 3166 user-assigned code: this PKI belongs to no country
ORGANISATION = "lpad test"
EUM_ORGANISATION = "lpad Test EUM"

# The PEM header `openssl ecparam -genkey` writes and SGP.26 keys carry: namedCurve prime256v1.
EC_PARAMETERS_P256_PEM = (
    b"-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
)


# ----------------------------------------------------------------------------------------------
# EID: 32 digits whose last two are check digits, ISO 7064 MOD 97-10 (GSMA SGP.29 section 2).


def eid_check_digits(first_30_digits: str) -> str:
    """The two check digits that make the 32-digit EID equal 1 modulo 97."""
    if not re.fullmatch(r"[0-9]{30}", first_30_digits):
        raise ValueError("an EID body is 30 decimal digits")
    return f"{98 - int(first_30_digits + '00') % 97:02d}"


def is_valid_eid(eid: str) -> bool:
    return re.fullmatch(r"[0-9]{32}", eid) is not None and int(eid) % 97 == 1


# 89 (telecom) 001 (test country code) 012 (issuer) ..., the test EID known from SGP.23.
DEFAULT_EID = "890010120123412340123456789012" + eid_check_digits("890010120123412340123456789012")

# SGP.22 4.5.2.1: the EUM certificate's name constraint carries the EID prefix the EUM may
# issue; SGP.26 uses 8 digits (industry 89, country code, issuer identifier).
EUM_EID_PREFIX_LENGTH = 8


# ----------------------------------------------------------------------------------------------
# Certificate building blocks.


@dataclass(frozen=True)
class Validity:
    not_before: datetime.datetime
    not_after: datetime.datetime

    @staticmethod
    def from_yesterday(days: int) -> "Validity":
        # From yesterday so a clock a little behind, or another time zone, still accepts it.
        start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        start -= datetime.timedelta(days=1)
        return Validity(start, start + datetime.timedelta(days=days))


@dataclass(frozen=True)
class Issued:
    """A certificate and the private key of its subject."""

    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    @property
    def subject_key_identifier(self) -> x509.SubjectKeyIdentifier:
        return self.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value


def new_key() -> ec.EllipticCurvePrivateKey:
    # SGP.22 2.6.5: NIST P-256 is one of the two curves; this PKI is the "_NIST" one.
    return ec.generate_private_key(ec.SECP256R1())


def name(*attributes: tuple[x509.ObjectIdentifier, str]) -> x509.Name:
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in attributes])


def key_usage(*, digital_signature: bool = False, key_cert_sign: bool = False,
              crl_sign: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature, content_commitment=False, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=key_cert_sign,
        crl_sign=crl_sign, encipher_only=False, decipher_only=False)


def role_policy(role_oid: str) -> x509.CertificatePolicies:
    return x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier(role_oid), None)])


def registered_id(oid: str) -> x509.RegisteredID:
    return x509.RegisteredID(x509.ObjectIdentifier(oid))


def crl_distribution_points(urls: tuple[str, ...]) -> x509.CRLDistributionPoints:
    return x509.CRLDistributionPoints(
        [x509.DistributionPoint([x509.UniformResourceIdentifier(url)], None, None, None)
         for url in urls])


def builder_for(subject: x509.Name, subject_key: ec.EllipticCurvePrivateKey,
                issuer: Optional[Issued], validity: Validity) -> x509.CertificateBuilder:
    """Version 3, random serial; issuer None means self-signed."""
    issuer_name = issuer.certificate.subject if issuer else subject
    return (x509.CertificateBuilder()
            .serial_number(x509.random_serial_number())
            .issuer_name(issuer_name)
            .subject_name(subject)
            .not_valid_before(validity.not_before)
            .not_valid_after(validity.not_after)
            .public_key(subject_key.public_key()))


def key_identifiers(builder: x509.CertificateBuilder, subject_key: ec.EllipticCurvePrivateKey,
                    issuer: Issued) -> x509.CertificateBuilder:
    # SGP.22 4.5.2.1: every certificate below the CI carries AKI (the issuer's SKI, so the
    # eUICC finds the CI by PKID) and its own SKI.
    return (builder
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
                issuer.subject_key_identifier), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(subject_key.public_key()),
                           critical=False))


def signed(builder: x509.CertificateBuilder, subject_key: ec.EllipticCurvePrivateKey,
           issuer: Optional[Issued]) -> Issued:
    signing_key = issuer.key if issuer else subject_key
    return Issued(builder.sign(signing_key, hashes.SHA256()), subject_key)  # ecdsa-with-SHA256


# ----------------------------------------------------------------------------------------------
# The certificates, one function per SGP.22 4.5.2.1 profile. Extension order and criticality
# follow the SGP.26 certificate of the same role.


def make_ci(validity: Validity) -> Issued:
    """CERT.CI.ECDSA: self-signed root; its SKI is the PKID eUICCs list."""
    key = new_key()
    subject = name((NameOID.COMMON_NAME, "lpad Test CI"), (NameOID.ORGANIZATIONAL_UNIT_NAME, "TESTCERT"),
                   (NameOID.ORGANIZATION_NAME, ORGANISATION), (NameOID.COUNTRY_NAME, COUNTRY))
    builder = (builder_for(subject, key, None, validity)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
               .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
               .add_extension(role_policy(ROLE_CI), critical=True)
               .add_extension(key_usage(key_cert_sign=True, crl_sign=True), critical=True)
               .add_extension(x509.SubjectAlternativeName([registered_id(OID_CI)]), critical=False)
               .add_extension(crl_distribution_points(CRL_URLS), critical=False))
    return signed(builder, key, None)


def eum_name_constraint(eid_prefix: str) -> x509.NameConstraints:
    # SGP.22 4.5.2.1 (EUM) and 4.5.2.2: permitted directoryName O = the EUM's organisation,
    # serialNumber = the EID prefix it may issue. Matching is SGP.22's own rule (same O, the
    # eUICC's serialNumber starts with this one), not RFC 5280 DN subtrees: stock OpenSSL path
    # validation rejects such a chain with "permitted subtree violation", as it does SGP.26's.
    permitted = name((NameOID.ORGANIZATION_NAME, EUM_ORGANISATION), (NameOID.SERIAL_NUMBER, eid_prefix))
    return x509.NameConstraints(permitted_subtrees=[x509.DirectoryName(permitted)], excluded_subtrees=None)


def make_eum(ci: Issued, eid_prefix: str, validity: Validity) -> Issued:
    """CERT.EUM.ECDSA: sub-CA of the CI that may sign only eUICC certificates (pathlen 0)."""
    key = new_key()
    subject = name((NameOID.COUNTRY_NAME, COUNTRY), (NameOID.ORGANIZATION_NAME, EUM_ORGANISATION),
                   (NameOID.COMMON_NAME, "lpad EUM Test"))
    builder = (key_identifiers(builder_for(subject, key, ci, validity), key, ci)
               .add_extension(key_usage(key_cert_sign=True), critical=True)
               .add_extension(role_policy(ROLE_EUM), critical=True)
               .add_extension(x509.SubjectAlternativeName([registered_id(OID_EUM)]), critical=False)
               .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
               .add_extension(crl_distribution_points(CRL_URLS[1:]), critical=False)
               .add_extension(eum_name_constraint(eid_prefix), critical=True))
    return signed(builder, key, ci)


def make_euicc(eum: Issued, eid: str, validity: Validity) -> Issued:
    """CERT.EUICC.ECDSA: signed by the EUM; subject serialNumber is the EID (SGP.22 4.5.2.1)."""
    key = new_key()
    subject = name((NameOID.COUNTRY_NAME, COUNTRY), (NameOID.ORGANIZATION_NAME, EUM_ORGANISATION),
                   (NameOID.SERIAL_NUMBER, eid), (NameOID.COMMON_NAME, "lpad Test eUICC"))
    builder = (builder_for(subject, key, eum, validity)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
                   eum.subject_key_identifier), critical=False)
               .add_extension(key_usage(digital_signature=True), critical=True)
               .add_extension(role_policy(ROLE_EUICC), critical=True))
    return signed(builder, key, eum)


def make_server_signing_cert(ci: Issued, common_name: str, role_oid: str, entity_oid: str,
                             validity: Validity) -> Issued:
    """CERT.DPauth / CERT.DPpb / CERT.DSauth .ECDSA: signing certificates of an RSP server."""
    key = new_key()
    subject = name((NameOID.ORGANIZATION_NAME, ORGANISATION), (NameOID.COMMON_NAME, common_name))
    builder = (key_identifiers(builder_for(subject, key, ci, validity), key, ci)
               .add_extension(x509.SubjectAlternativeName([registered_id(entity_oid)]), critical=False)
               .add_extension(key_usage(digital_signature=True), critical=True)
               .add_extension(role_policy(role_oid), critical=True)
               .add_extension(crl_distribution_points(CRL_URLS), critical=False))
    return signed(builder, key, ci)


def tls_subject_alt_names(hosts: list[str], entity_oid: str) -> x509.SubjectAlternativeName:
    dns_names = list(dict.fromkeys([*hosts, *LOOPBACK_DNS_NAMES]))
    return x509.SubjectAlternativeName(
        [x509.DNSName(host) for host in dns_names]
        + [x509.IPAddress(ipaddress.ip_address(address)) for address in LOOPBACK_ADDRESSES]
        + [registered_id(entity_oid)])


def make_tls_cert(ci: Issued, hosts: list[str], role_oid: str, entity_oid: str,
                  validity: Validity) -> Issued:
    """CERT.DP.TLS / CERT.DS.TLS, signed by the CI: the LPA checks it against the CI (4.5.2.2).

    As SGP.26's: CN and dNSName are the host names, registeredID the server's OID, extended key
    usage serverAuth + clientAuth (critical; clientAuth for ES12 mutual TLS), role policy not
    critical so that TLS stacks that do not process policies still accept it.
    """
    key = new_key()
    subject = name((NameOID.ORGANIZATION_NAME, ORGANISATION), (NameOID.COMMON_NAME, hosts[0]))
    builder = (builder_for(subject, key, ci, validity)
               .add_extension(key_usage(digital_signature=True), critical=True)
               .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH,
                                                     ExtendedKeyUsageOID.CLIENT_AUTH]), critical=True)
               .add_extension(role_policy(role_oid), critical=False))
    builder = (key_identifiers(builder, key, ci)
               .add_extension(tls_subject_alt_names(hosts, entity_oid), critical=False)
               .add_extension(crl_distribution_points(CRL_URLS), critical=False))
    return signed(builder, key, ci)


# ----------------------------------------------------------------------------------------------
# Output files.

FILES = {
    "ci_cert": "CERT_CI_ECDSA_NIST.der",
    "ci_key": "SK_CI_ECDSA_NIST.pem",
    "ci_pem": "ci.pem",
    "eum_cert": "CERT_EUM_ECDSA_NIST.der",
    "eum_key": "SK_EUM_ECDSA_NIST.pem",
    "euicc_cert": "CERT_EUICC_ECDSA_NIST.der",
    "euicc_key": "SK_EUICC_ECDSA_NIST.pem",
    "dp_auth_cert": "CERT_S_SM_DPauth_ECDSA_NIST.der",
    "dp_auth_key": "SK_S_SM_DPauth_ECDSA_NIST.pem",
    "dp_pb_cert": "CERT_S_SM_DPpb_ECDSA_NIST.der",
    "dp_pb_key": "SK_S_SM_DPpb_ECDSA_NIST.pem",
    "dp_tls_cert": "CERT_S_SM_DP_TLS.pem",
    "dp_tls_key": "SK_S_SM_DP_TLS.pem",
    "ds_auth_cert": "CERT_S_SM_DSauth_ECDSA_NIST.der",
    "ds_auth_key": "SK_S_SM_DSauth_ECDSA_NIST.pem",
    "ds_tls_cert": "CERT_S_SM_DS_TLS.pem",
    "ds_tls_key": "SK_S_SM_DS_TLS.pem",
}


def write_private_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    # SEC1 "EC PRIVATE KEY" behind an "EC PARAMETERS" block, byte-compatible with SGP.26's keys.
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                            serialization.NoEncryption())
    path.write_bytes(EC_PARAMETERS_P256_PEM + pem)
    path.chmod(0o600)


def write_certificate(path: Path, certificate: x509.Certificate) -> None:
    encoding = serialization.Encoding.PEM if path.suffix == ".pem" else serialization.Encoding.DER
    path.write_bytes(certificate.public_bytes(encoding))


def write_pair(folder: Path, cert_key: str, key_key: str, issued: Issued) -> None:
    write_certificate(folder / FILES[cert_key], issued.certificate)
    write_private_key(folder / FILES[key_key], issued.key)


def utc_text(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Options:
    eid: str
    smdp_hosts: list[str]
    smds_hosts: list[str]
    days: int


def generate_into(folder: Path, options: Options) -> dict:
    """Write every certificate, key and pki.json into an existing empty folder; returns the manifest."""
    validity = Validity.from_yesterday(options.days)
    eid_prefix = options.eid[:EUM_EID_PREFIX_LENGTH]

    ci = make_ci(validity)
    eum = make_eum(ci, eid_prefix, validity)
    euicc = make_euicc(eum, options.eid, validity)
    dp_auth = make_server_signing_cert(ci, "lpad TEST SM-DP+", ROLE_DP_AUTH, OID_SMDP, validity)
    dp_pb = make_server_signing_cert(ci, "lpad TEST SM-DP+", ROLE_DP_PB, OID_SMDP, validity)
    dp_tls = make_tls_cert(ci, options.smdp_hosts, ROLE_DP_TLS, OID_SMDP, validity)
    ds_auth = make_server_signing_cert(ci, "lpad TEST SM-DS", ROLE_DS_AUTH, OID_SMDS, validity)
    ds_tls = make_tls_cert(ci, options.smds_hosts, ROLE_DS_TLS, OID_SMDS, validity)

    write_pair(folder, "ci_cert", "ci_key", ci)
    write_certificate(folder / FILES["ci_pem"], ci.certificate)
    write_pair(folder, "eum_cert", "eum_key", eum)
    write_pair(folder, "euicc_cert", "euicc_key", euicc)
    write_pair(folder, "dp_auth_cert", "dp_auth_key", dp_auth)
    write_pair(folder, "dp_pb_cert", "dp_pb_key", dp_pb)
    write_pair(folder, "dp_tls_cert", "dp_tls_key", dp_tls)
    write_pair(folder, "ds_auth_cert", "ds_auth_key", ds_auth)
    write_pair(folder, "ds_tls_cert", "ds_tls_key", ds_tls)

    manifest = {
        "format": MANIFEST_FORMAT,
        "generator": GENERATOR_NAME,
        "curve": "NIST P-256",
        "not_before": utc_text(validity.not_before),
        "not_after": utc_text(validity.not_after),
        "eid": options.eid,
        "eum_eid_prefix": eid_prefix,
        "ci_pkid": ci.subject_key_identifier.digest.hex(),
        "ci_oid": OID_CI,
        "eum_oid": OID_EUM,
        "smdp_oid": OID_SMDP,
        "smds_oid": OID_SMDS,
        "smdp_hosts": options.smdp_hosts,
        "smds_hosts": options.smds_hosts,
        "tls_loopback_names": [*LOOPBACK_DNS_NAMES, *LOOPBACK_ADDRESSES],
        "files": FILES,
    }
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


# ----------------------------------------------------------------------------------------------
# Publishing: build beside OUTDIR, then swap it in.


class RefusedOutput(Exception):
    pass


def was_written_by_us(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("generator") == GENERATOR_NAME


def check_replaceable(outdir: Path) -> None:
    if not outdir.exists():
        return
    if not outdir.is_dir() or outdir.is_symlink():
        raise RefusedOutput(f"{outdir} exists and is not a plain folder")
    if any(outdir.iterdir()) and not was_written_by_us(outdir):
        raise RefusedOutput(
            f"{outdir} is not empty and holds no {MANIFEST_NAME} from this tool: refusing to "
            "replace a folder it did not write (give an absent or empty folder)")


def publish(staging: Path, outdir: Path) -> None:
    """Move the finished staging folder to OUTDIR, replacing a previous run's folder."""
    if not outdir.exists() or not any(outdir.iterdir()):
        os.replace(staging, outdir)  # rename(2) may replace an empty folder
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.old-", dir=outdir.parent))
    os.replace(outdir, retired / outdir.name)
    os.replace(staging, outdir)
    shutil.rmtree(retired)


def make_test_pki(outdir: Path, options: Options) -> dict:
    outdir = outdir.absolute()
    check_replaceable(outdir)
    outdir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.new-", dir=outdir.parent))
    try:
        staging.chmod(0o755)
        manifest = generate_into(staging, options)
        publish(staging, outdir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


# ----------------------------------------------------------------------------------------------
# Command line.

HOST_NAME = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")


def host_name(text: str) -> str:
    host = text.strip().lower()
    if not HOST_NAME.fullmatch(host):
        raise argparse.ArgumentTypeError(f"not an ASCII DNS host name: {text!r}")
    return host


def eid_argument(text: str) -> str:
    if not is_valid_eid(text):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a valid EID (32 digits, check digits per ISO 7064 MOD 97-10)")
    return text


def day_count(text: str) -> int:
    days = int(text)
    if not 2 <= days <= 36500:
        raise argparse.ArgumentTypeError("--days must be between 2 and 36500")
    return days


def parse_arguments(argv: list[str]) -> tuple[Path, Options]:
    parser = argparse.ArgumentParser(
        description="Generate lpad's SGP.22 test PKI (NIST P-256) in the SGP.26 file layout.",
        epilog="OUTDIR must be absent, empty, or a previous output of this tool (replaced whole).")
    parser.add_argument("outdir", metavar="OUTDIR", type=Path)
    parser.add_argument("--eid", type=eid_argument, default=DEFAULT_EID,
                        help=f"EID of the eUICC certificate (default {DEFAULT_EID})")
    parser.add_argument("--smdp-host", dest="smdp_hosts", metavar="NAME", type=host_name,
                        nargs="+", action="extend",
                        help=f"SM-DP+ TLS host names (default {' '.join(DEFAULT_SMDP_HOSTS)})")
    parser.add_argument("--smds-host", dest="smds_hosts", metavar="NAME", type=host_name,
                        nargs="+", action="extend",
                        help=f"SM-DS TLS host names (default {' '.join(DEFAULT_SMDS_HOSTS)})")
    parser.add_argument("--days", type=day_count, default=DEFAULT_DAYS,
                        help=f"validity from yesterday, in days (default {DEFAULT_DAYS})")
    arguments = parser.parse_args(argv)
    options = Options(
        eid=arguments.eid,
        smdp_hosts=list(dict.fromkeys(arguments.smdp_hosts or DEFAULT_SMDP_HOSTS)),
        smds_hosts=list(dict.fromkeys(arguments.smds_hosts or DEFAULT_SMDS_HOSTS)),
        days=arguments.days)
    return arguments.outdir, options


def main(argv: Optional[list[str]] = None) -> int:
    outdir, options = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        manifest = make_test_pki(outdir, options)
    except (RefusedOutput, OSError) as failure:
        print(f"make_test_pki: {failure}", file=sys.stderr)
        return 1
    print(f"test PKI written to {outdir}: EID {manifest['eid']}, CI PKID {manifest['ci_pkid']}, "
          f"valid {manifest['not_before']} .. {manifest['not_after']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
