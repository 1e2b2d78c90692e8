"""Test PKI loading, ECDSA in the SGP.22 format (r||s in 5F37) and eUICC chain checks.

The eUICC chain (CI -> EUM -> eUICC) is checked link by link here, because stock X.509 path
validation applies RFC 5280 name constraints, which reject SGP.22's EID-prefix rule
(tests/pki/README.md).
"""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.x509.oid import NameOID

import der


class ChainError(ValueError):
    def __init__(self, which: str, message: str):
        super().__init__(message)
        self.which = which  # "eum" or "euicc": selects the SGP.22 subject code


# --- signatures -------------------------------------------------------------------------------

def sign(key: ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    """ECDSA-SHA256 as SGP.22 carries it: r||s, 32 bytes each (TR-03111 plain format)."""
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def signature_do(raw: bytes) -> bytes:
    return der.tlv(0x5F37, raw)


def verify(public_key: ec.EllipticCurvePublicKey, data: bytes, raw: bytes) -> bool:
    if len(raw) != 64:
        return False
    signature = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        return True
    except InvalidSignature:
        return False


def issued_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    if child.issuer != parent.subject:
        return False
    try:
        parent.public_key().verify(child.signature, child.tbs_certificate_bytes,
                                   ec.ECDSA(child.signature_hash_algorithm))
        return True
    except (InvalidSignature, TypeError, ValueError):
        return False


def subject_key_id(certificate: x509.Certificate) -> bytes:
    return certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest


def registered_id(certificate: x509.Certificate) -> str | None:
    try:
        names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return None
    ids = names.get_values_for_type(x509.RegisteredID)
    return ids[0].dotted_string if ids else None


def _attribute(name: x509.Name, oid) -> list[str]:
    return [a.value for a in name.get_attributes_for_oid(oid)]


def within_name_constraints(euicc: x509.Certificate, eum: x509.Certificate) -> bool:
    """SGP.22 4.5.2.2: a permitted directoryName with the eUICC's O whose serialNumber is a
    prefix of the eUICC's serialNumber (the EID). No constraint extension: nothing to check."""
    try:
        constraints = eum.extensions.get_extension_for_class(x509.NameConstraints).value
    except x509.ExtensionNotFound:
        return True
    eid = _attribute(euicc.subject, NameOID.SERIAL_NUMBER)
    organisation = _attribute(euicc.subject, NameOID.ORGANIZATION_NAME)
    for subtree in constraints.permitted_subtrees or []:
        if not isinstance(subtree, x509.DirectoryName):
            continue
        prefixes = _attribute(subtree.value, NameOID.SERIAL_NUMBER)
        if (len(eid) == 1 and _attribute(subtree.value, NameOID.ORGANIZATION_NAME) == organisation
                and len(prefixes) == 1 and eid[0].startswith(prefixes[0])):
            return True
    return False


def _valid_at(certificate: x509.Certificate, when: datetime.datetime) -> bool:
    if hasattr(certificate, "not_valid_before_utc"):  # cryptography 42+
        return certificate.not_valid_before_utc <= when <= certificate.not_valid_after_utc
    utc = datetime.timezone.utc
    return certificate.not_valid_before.replace(tzinfo=utc) <= when <= certificate.not_valid_after.replace(tzinfo=utc)


def eid_of(euicc: x509.Certificate) -> str:
    values = _attribute(euicc.subject, NameOID.SERIAL_NUMBER)
    return values[0] if values else ""


# --- the PKI folder ---------------------------------------------------------------------------

def _load_cert(path: Path) -> x509.Certificate:
    data = path.read_bytes()
    return x509.load_pem_x509_certificate(data) if data.startswith(b"-----") else x509.load_der_x509_certificate(data)


def _load_key(path: Path):
    return serialization.load_pem_private_key(path.read_bytes(), password=None)


@dataclass
class Pki:
    folder: Path
    cis: list[x509.Certificate]
    dp_auth: x509.Certificate
    dp_auth_key: ec.EllipticCurvePrivateKey
    dp_pb: x509.Certificate
    dp_pb_key: ec.EllipticCurvePrivateKey
    ds_auth: x509.Certificate | None = None
    ds_auth_key: ec.EllipticCurvePrivateKey | None = None
    manifest: dict = field(default_factory=dict)

    @classmethod
    def load(cls, folder: str | Path) -> "Pki":
        folder = Path(folder)
        # Every CERT_CI*.der is a trust anchor: SGP.26 has two CI certificates with one key.
        cis = [_load_cert(p) for p in sorted(folder.glob("CERT_CI*.der"))]
        if not cis:
            raise FileNotFoundError(f"no CERT_CI*.der in {folder}")
        manifest = {}
        if (folder / "pki.json").exists():
            manifest = json.loads((folder / "pki.json").read_text())
        ds_cert = folder / "CERT_S_SM_DSauth_ECDSA_NIST.der"
        ds_key = folder / "SK_S_SM_DSauth_ECDSA_NIST.pem"
        return cls(
            folder, cis,
            _load_cert(folder / "CERT_S_SM_DPauth_ECDSA_NIST.der"), _load_key(folder / "SK_S_SM_DPauth_ECDSA_NIST.pem"),
            _load_cert(folder / "CERT_S_SM_DPpb_ECDSA_NIST.der"), _load_key(folder / "SK_S_SM_DPpb_ECDSA_NIST.pem"),
            _load_cert(ds_cert) if ds_cert.exists() else None,
            _load_key(ds_key) if ds_key.exists() else None,
            manifest)

    def ci_pkids(self) -> list[bytes]:
        return list(dict.fromkeys(subject_key_id(c) for c in self.cis))

    def smdp_oid(self) -> str:
        return registered_id(self.dp_auth) or self.manifest.get("smdp_oid", "")

    def tls_files(self, role: str) -> tuple[Path, Path]:
        name = {"dp": "DP", "ds": "DS"}[role]
        return self.folder / f"CERT_S_SM_{name}_TLS.pem", self.folder / f"SK_S_SM_{name}_TLS.pem"

    def verify_euicc_chain(self, euicc_der: bytes, eum_der: bytes,
                           when: datetime.datetime | None = None) -> x509.Certificate:
        """CI -> EUM -> eUICC; returns the eUICC certificate or raises ChainError."""
        when = when or datetime.datetime.now(datetime.timezone.utc)
        try:
            eum = x509.load_der_x509_certificate(eum_der)
        except ValueError as error:
            raise ChainError("eum", f"EUM certificate unreadable: {error}")
        try:
            euicc = x509.load_der_x509_certificate(euicc_der)
        except ValueError as error:
            raise ChainError("euicc", f"eUICC certificate unreadable: {error}")
        if not any(issued_by(eum, ci) for ci in self.cis):
            raise ChainError("eum", "EUM certificate not issued by a known CI")
        if not _valid_at(eum, when):
            raise ChainError("eum", "EUM certificate outside its validity")
        if not issued_by(euicc, eum):
            raise ChainError("euicc", "eUICC certificate not issued by the EUM")
        if not within_name_constraints(euicc, eum):
            raise ChainError("euicc", "eUICC certificate outside the EUM's name constraints")
        if not _valid_at(euicc, when):
            raise ChainError("euicc", "eUICC certificate outside its validity")
        return euicc
