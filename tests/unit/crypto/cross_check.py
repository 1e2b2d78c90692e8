#!/usr/bin/env python3
"""Independent reference for the crypto tests (python3-cryptography, no lpad code).

  cross_check.py verify <curve> <point_hex> <message_hex> <r||s hex>   -> "ok" or "bad"
  cross_check.py sign <curve> <scalar_hex> <message_hex>               -> r||s hex (ECDSA SHA-256)
  cross_check.py x963 <z_hex> <shared_info_hex> <length>               -> hex (X9.63 KDF SHA-256)
  cross_check.py ecdh <curve> <scalar_hex> <peer_point_hex>            -> hex (X coordinate)
  cross_check.py eum-pki <eid>  -> "CI EUM EUICC" DER hex: a throw-away CI, an EUM with the SGP.22
                                   name constraint {O=Test EUM, serialNumber=89049032}, and an eUICC
                                   certificate for <eid> issued by that EUM
curve: p256 or brainpool.
"""
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.kdf.x963kdf import X963KDF
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives.serialization import Encoding
import datetime

CURVES = {"p256": ec.SECP256R1(), "brainpool": ec.BrainpoolP256R1()}


def private_key(curve, scalar_hex):
    return ec.derive_private_key(int(scalar_hex, 16), CURVES[curve])


def main(args):
    op = args[0]
    if op == "verify":
        curve, point, message, sig = args[1], bytes.fromhex(args[2]), bytes.fromhex(args[3]), bytes.fromhex(args[4])
        key = ec.EllipticCurvePublicKey.from_encoded_point(CURVES[curve], point)
        half = len(sig) // 2
        der = encode_dss_signature(int.from_bytes(sig[:half], "big"), int.from_bytes(sig[half:], "big"))
        try:
            key.verify(der, message, ec.ECDSA(hashes.SHA256()))
            return "ok"
        except InvalidSignature:
            return "bad"
    if op == "sign":
        key = private_key(args[1], args[2])
        r, s = decode_dss_signature(key.sign(bytes.fromhex(args[3]), ec.ECDSA(hashes.SHA256())))
        return (r.to_bytes(32, "big") + s.to_bytes(32, "big")).hex()
    if op == "x963":
        kdf = X963KDF(algorithm=hashes.SHA256(), length=int(args[3]), sharedinfo=bytes.fromhex(args[2]))
        return kdf.derive(bytes.fromhex(args[1])).hex()
    if op == "ecdh":
        key = private_key(args[1], args[2])
        peer = ec.EllipticCurvePublicKey.from_encoded_point(CURVES[args[1]], bytes.fromhex(args[3]))
        return key.exchange(ec.ECDH(), peer).hex()
    if op == "eum-pki":
        return " ".join(c.public_bytes(Encoding.DER).hex() for c in eum_pki(args[1]))
    raise SystemExit("unknown operation " + op)


def eum_pki(eid):
    def name(*attrs):
        return x509.Name([x509.NameAttribute(oid, value) for oid, value in attrs])

    def issue(subject, key, issuer, issuer_key, extensions):
        now = datetime.datetime(2020, 1, 1)
        builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now)
                   .not_valid_after(now + datetime.timedelta(days=365 * 40)))
        builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        if issuer_key is not key:
            builder = builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        for extension, critical in extensions:
            builder = builder.add_extension(extension, critical=critical)
        return builder.sign(issuer_key, hashes.SHA256())

    ci_key, eum_key, euicc_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ci_name = name((NameOID.COMMON_NAME, "Throw-away CI"))
    eum_name = name((NameOID.COUNTRY_NAME, "DE"), (NameOID.ORGANIZATION_NAME, "Test EUM"), (NameOID.COMMON_NAME, "EUM"))
    ca_usage = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
    ci = issue(ci_name, ci_key, ci_name, ci_key, [(x509.BasicConstraints(True, None), True), (ca_usage, True)])
    permitted = x509.DirectoryName(name((NameOID.ORGANIZATION_NAME, "Test EUM"), (NameOID.SERIAL_NUMBER, "89049032")))
    eum = issue(eum_name, eum_key, ci_name, ci_key, [(x509.BasicConstraints(True, 0), True), (ca_usage, True),
                                                     (x509.NameConstraints([permitted], None), True)])
    euicc_name = name((NameOID.COUNTRY_NAME, "DE"), (NameOID.ORGANIZATION_NAME, "Test EUM"),
                      (NameOID.SERIAL_NUMBER, eid), (NameOID.COMMON_NAME, "eUICC"))
    signing = x509.KeyUsage(True, False, False, False, False, False, False, False, False)
    euicc = issue(euicc_name, euicc_key, eum_name, eum_key, [(signing, True)])
    return ci, eum, euicc


if __name__ == "__main__":
    print(main(sys.argv[1:]))
