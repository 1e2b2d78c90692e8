"""A small eUICC + LPA stand-in for the tests: it plays the card's side of a download (signs
euiccSigned1/2, unwraps the BPP, signs the PIR) and talks ES9+/ES11 over real HTTPS.

Deliberately minimal and independent of the C++ veuicc: it exists to drive the test servers."""
from __future__ import annotations

import base64
import hashlib
import http.client
import json
import os
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

import bsp
import certificates
import der

CLIENT_PROTOCOL = "gsma/rsp/v2.2.0"
# ProfileInstallationResult errorResult codes (SGP.22 BppCommandId / ErrorReason)
INITIALISE_SECURE_CHANNEL, STORE_METADATA, LOAD_PROFILE_ELEMENTS = 0, 2, 5
INVALID_SIGNATURE, SCP03T_SECURITY_ERROR, DATA_MISMATCH = 2, 8, 13
EUICC_INFO2 = bytes.fromhex("bf220f810302030182030202008303234200")  # enough for a server that does not read it


class HttpsClient:
    """HTTPS to 127.0.0.1:port while checking the certificate against `hostname` and the CI."""

    def __init__(self, port: int, ca_file: Path, hostname: str, host: str = "127.0.0.1"):
        self.port, self.hostname, self.host = port, hostname, host
        self.context = ssl.create_default_context(cafile=str(ca_file))

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None,
                timeout: float = 10) -> tuple[int, dict, bytes]:
        sock = socket.create_connection((self.host, self.port), timeout=timeout)
        tls = self.context.wrap_socket(sock, server_hostname=self.hostname)
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        connection.sock = tls
        try:
            payload = json.dumps(body).encode() if body is not None else None
            sent_headers = {"Content-Type": "application/json", "X-Admin-Protocol": CLIENT_PROTOCOL,
                            "User-Agent": "lpad-test-euicc"} if headers is None else headers
            connection.request(method, path, body=payload, headers=sent_headers)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def call(self, path: str, body: dict) -> tuple[int, dict | None]:
        status, _, data = self.request("POST", path, body)
        return status, (json.loads(data) if data else None)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text)


class RefusedByCard(Exception):
    """The card found something wrong; `response` is the error response it would hand the LPA."""

    def __init__(self, message: str, response: bytes):
        super().__init__(message)
        self.response = response


@dataclass
class LoadResult:
    upp: bytes | None
    metadata: bytes | None
    pir: bytes
    success: bool
    error: tuple[int, int] | None = None  # (bppCommandId, errorReason) of a failed load


class SoftEuicc:
    def __init__(self, pki_dir: Path):
        pki_dir = Path(pki_dir)
        self.key = serialization.load_pem_private_key((pki_dir / "SK_EUICC_ECDSA_NIST.pem").read_bytes(), None)
        self.cert_der = (pki_dir / "CERT_EUICC_ECDSA_NIST.der").read_bytes()
        self.eum_der = (pki_dir / "CERT_EUM_ECDSA_NIST.der").read_bytes()
        self.cis = [x509.load_der_x509_certificate(p.read_bytes()) for p in sorted(pki_dir.glob("CERT_CI*.der"))]
        self.pkid = certificates.subject_key_id(self.cis[0])
        self.eid = certificates.eid_of(x509.load_der_x509_certificate(self.cert_der))
        self.challenge = b""
        self.seq_number = 0
        self.session: dict = {}

    def euicc_info1(self) -> bytes:
        return der.seq(0xBF20, der.tlv(0x82, bytes([2, 2, 0])), der.seq(0xA9, der.tlv(0x04, self.pkid)),
                       der.seq(0xAA, der.tlv(0x04, self.pkid)))

    def new_challenge(self) -> bytes:
        self.challenge = os.urandom(16)
        return self.challenge

    def _server_cert_ok(self, cert: x509.Certificate) -> bool:
        return any(certificates.issued_by(cert, ci) for ci in self.cis)

    def authenticate_server(self, response: dict, matching_id: str | None, address: str) -> bytes:
        """ES10b.AuthenticateServer from an initiateAuthentication response: BF38 (ok or error)."""
        signed1 = unb64(response["serverSigned1"])
        tid = der.parse(signed1).get(0x80).value
        signature = der.parse(unb64(response["serverSignature1"]), 0x5F37).value
        cert = x509.load_der_x509_certificate(unb64(response["serverCertificate"]))
        error = None
        if not self._server_cert_ok(cert):
            error = 1  # invalidCertificate
        elif not certificates.verify(cert.public_key(), signed1, signature):
            error = 2  # invalidSignature
        elif der.parse(signed1).get(0x81).value != self.challenge:
            error = 6  # euiccChallengeMismatch
        if error is not None:
            raise RefusedByCard(f"serverSignature1 refused ({error})", der.seq(0xBF38, der.seq(
                0xA1, der.tlv(0x80, tid), der.tlv(0x02, der.encode_int(error)))))
        server = der.parse(signed1)
        ctx = der.seq(0xA0, der.tlv(0x80, matching_id.encode()) if matching_id is not None else None,
                      der.seq(0xA1, der.tlv(0x80, b"\x35\x29\x06\x11"), der.seq(0xA1)))
        euicc_signed1 = der.seq(0x30, der.tlv(0x80, tid), der.tlv(0x83, server.get(0x83).value),
                                der.tlv(0x84, server.get(0x84).value), EUICC_INFO2, ctx)
        signature1 = certificates.sign(self.key, euicc_signed1)
        self.session = {"tid": tid, "signature1": signature1, "address": address}
        return der.seq(0xBF38, der.seq(0xA0, euicc_signed1, certificates.signature_do(signature1),
                                       self.cert_der, self.eum_der))

    def prepare_download(self, response: dict, confirmation_code: str | None = None) -> bytes:
        """ES10b.PrepareDownload from an authenticateClient response: BF21 (ok or error)."""
        signed2 = unb64(response["smdpSigned2"])
        signature2 = der.parse(unb64(response["smdpSignature2"]), 0x5F37).value
        cert = x509.load_der_x509_certificate(unb64(response["smdpCertificate"]))
        tid = der.parse(signed2).get(0x80).value
        data = signed2 + certificates.signature_do(self.session["signature1"])
        if not self._server_cert_ok(cert) or not certificates.verify(cert.public_key(), data, signature2):
            raise RefusedByCard("smdpSignature2 refused", der.seq(0xBF21, der.seq(
                0xA1, der.tlv(0x80, tid), der.tlv(0x02, der.encode_int(2)))))
        self.session.update(dp_pb=cert, metadata=unb64(response["profileMetadata"]))
        self.session["ot_key"] = ec.generate_private_key(ec.SECP256R1())
        otpk = self.session["ot_key"].public_key().public_bytes(serialization.Encoding.X962,
                                                                serialization.PublicFormat.UncompressedPoint)
        self.session["otpk"] = otpk
        hash_cc = None
        if confirmation_code is not None:
            hash_cc = der.tlv(0x04, hashlib.sha256(hashlib.sha256(confirmation_code.encode()).digest() + tid).digest())
        euicc_signed2 = der.seq(0x30, der.tlv(0x80, tid), der.tlv(0x5F49, otpk), hash_cc)
        signature = certificates.sign(self.key, euicc_signed2 + der.tlv(0x5F37, signature2))
        return der.seq(0xBF21, der.seq(0xA0, euicc_signed2, certificates.signature_do(signature)))

    def load_bpp(self, bpp_bytes: bytes, smdp_oid: str) -> LoadResult:
        """ES10b.LoadBoundProfilePackage: checks smdpSign, unwraps, compares the metadata."""
        bpp = der.parse(bpp_bytes, 0xBF36)
        initialise = bpp.get(0xBF23)
        parts = initialise.children()
        head = b"".join(p.raw for p in parts if p.tag != 0x5F37)
        tid = initialise.get(0x80).value
        upp = metadata = error = None
        if not certificates.verify(self.session["dp_pb"].public_key(), head + der.tlv(0x5F49, self.session["otpk"]),
                                   initialise.get(0x5F37).value):
            error = (INITIALISE_SECURE_CHANNEL, INVALID_SIGNATURE)
        else:
            smdp_otpk = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), initialise.get(0x5F49).value)
            shs = self.session["ot_key"].exchange(ec.ECDH(), smdp_otpk)
            keys = bsp.Bsp.from_shared_secret(shs, initialise.get(0xA6).get(0x84).value, bytes.fromhex(self.eid))
            try:
                unwrapped = bsp.unwrap_bpp(bpp, keys)
                upp, metadata = unwrapped.upp, unwrapped.store_metadata
                if metadata != self.session["metadata"]:
                    error = (STORE_METADATA, DATA_MISMATCH)
            except (bsp.BspError, der.DerError):
                error = (LOAD_PROFILE_ELEMENTS, SCP03T_SECURITY_ERROR)
        iccid = der.parse(self.session["metadata"]).get(0x5A).value
        self.seq_number += 1
        return LoadResult(upp, metadata, self.installation_result(tid, error, iccid, smdp_oid), error is None, error)

    def installation_result(self, tid: bytes, error: tuple[int, int] | None, iccid: bytes, smdp_oid: str) -> bytes:
        metadata = der.seq(0xBF2F, der.tlv(0x80, der.encode_int(self.seq_number)),
                           der.tlv(0x81, der.encode_named_bits([0])), der.tlv(0x0C, self.session["address"].encode()),
                           der.tlv(0x5A, iccid))
        if error is None:
            final = der.seq(0xA0, der.tlv(0x4F, bytes.fromhex("A0000005591010FFFFFFFF8900001000")),
                            der.tlv(0x04, bytes.fromhex("3007a0053003800100")))
        else:
            final = der.seq(0xA1, der.tlv(0x80, der.encode_int(error[0])), der.tlv(0x81, der.encode_int(error[1])))
        data = der.seq(0xBF27, der.tlv(0x80, tid), metadata, der.tlv(0x06, der.encode_oid(smdp_oid)),
                       der.seq(0xA2, final))
        return der.seq(0xBF37, data, certificates.signature_do(certificates.sign(self.key, data)))

    def cancel_session(self, tid: bytes, reason: int, smdp_oid: str) -> bytes:
        signed = der.seq(0x30, der.tlv(0x80, tid), der.tlv(0x81, der.encode_oid(smdp_oid)),
                         der.tlv(0x82, der.encode_int(reason)))
        return der.seq(0xBF41, der.seq(0xA0, signed, certificates.signature_do(certificates.sign(self.key, signed))))

    def other_notification(self, operation_bit: int, address: str, iccid: bytes) -> bytes:
        self.seq_number += 1
        metadata = der.seq(0xBF2F, der.tlv(0x80, der.encode_int(self.seq_number)),
                           der.tlv(0x81, der.encode_named_bits([operation_bit])), der.tlv(0x0C, address.encode()),
                           der.tlv(0x5A, iccid))
        return der.seq(0x30, metadata, certificates.signature_do(certificates.sign(self.key, metadata)),
                       self.cert_der, self.eum_der)
