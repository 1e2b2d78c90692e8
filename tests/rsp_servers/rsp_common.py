"""What the SM-DP+ (ES9+) and the SM-DS (ES11) share: JSON envelopes, status codes, and the
common mutual authentication (initiateAuthentication / the eUICC side of authenticateClient)."""
from __future__ import annotations

import base64
import binascii
import os
import threading
from dataclasses import dataclass, field

from cryptography import x509

import certificates
import der
from certificates import ChainError, Pki


class Failure(Exception):
    """An SGP.22 functionExecutionStatus 'Failed' with its subject and reason codes."""

    def __init__(self, subject: str, reason: str, message: str, end_state: str = "failed"):
        super().__init__(message)
        self.subject, self.reason, self.message = subject, reason, message
        self.end_state = end_state  # what the session becomes


@dataclass
class Reply:
    status: int
    body: dict | None = None
    truncate: bool = False  # injection: send the headers and half the body, then close
    outcome: str = ""  # for the log line


def success(**fields) -> dict:
    return {"header": {"functionExecutionStatus": {"status": "Executed-Success"}}, **fields}


def failed(failure: Failure) -> dict:
    return {"header": {"functionExecutionStatus": {"status": "Failed", "statusCodeData": {
        "subjectCode": failure.subject, "reasonCode": failure.reason, "message": failure.message}}}}


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode()


def field_bytes(body: dict, name: str) -> bytes:
    value = body.get(name)
    if not isinstance(value, str):
        raise Failure("1.2", "2.2", f"mandatory element {name} missing")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise Failure("1.2", "2.1", f"{name} is not valid base64")


def field_tid(body: dict) -> bytes:
    value = body.get("transactionId")
    try:
        tid = bytes.fromhex(value)
        if 1 <= len(tid) <= 16:
            return tid
    except (TypeError, ValueError):
        pass
    raise Failure("8.10.1", "3.9", "transactionId missing or malformed")


def host_of(address: str) -> str:
    return address.strip().lower().rsplit(":", 1)[0] if ":" in address else address.strip().lower()


def redact(matching_id: str | None) -> str:
    if not matching_id:
        return "-"
    return matching_id[:4] + ("..." if len(matching_id) > 4 else "")


def parse_der(data: bytes, tag: int, what: str) -> der.Tlv:
    try:
        item = der.parse(data, tag)
        der.reencode(item)  # every nested structure must parse too
        return item
    except der.DerError as error:
        raise Failure("1.2", "2.1", f"{what} is malformed: {error}")


@dataclass
class AuthSession:
    tid: bytes
    euicc_challenge: bytes
    server_challenge: bytes
    state: str = "initiated"
    matching_id: str | None = None
    cancel_reason: int | None = None
    euicc_cert: x509.Certificate | None = None
    eid: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class ClientAuthentication:
    """What a verified AuthenticateServerResponse tells the server."""
    euicc_cert: x509.Certificate
    eid: str
    euicc_signature1: bytes
    matching_id: str | None


class AuthServer:
    """initiateAuthentication and the checks of authenticateClient, for one RSP server role."""

    def __init__(self, pki: Pki, auth_cert: x509.Certificate, auth_key, address: str, address_field: str):
        self.pki, self.auth_cert, self.auth_key = pki, auth_cert, auth_key
        self.address, self.address_field = address, address_field
        self.lock = threading.RLock()
        self.sessions: dict[bytes, AuthSession] = {}

    def new_session(self, euicc_challenge: bytes) -> AuthSession:
        with self.lock:
            session = AuthSession(os.urandom(16), euicc_challenge, os.urandom(16))
            self.sessions[session.tid] = session
            return session

    def initiate_authentication(self, body: dict, corrupt_signature: bool = False) -> tuple[AuthSession, dict]:
        euicc_challenge = field_bytes(body, "euiccChallenge")
        if len(euicc_challenge) != 16:
            raise Failure("1.2", "2.1", "euiccChallenge must be 16 bytes")
        info1 = parse_der(field_bytes(body, "euiccInfo1"), 0xBF20, "euiccInfo1")
        address = body.get(self.address_field)
        if not isinstance(address, str) or host_of(address) != host_of(self.address):
            raise Failure("8.8.1", "3.8", f"{self.address_field} is not this server's address")
        verification = [x.value for x in (info1.find(0xA9).children() if info1.find(0xA9) else [])]
        signing = [x.value for x in (info1.find(0xAA).children() if info1.find(0xAA) else [])]
        pkid = next((p for p in self.pki.ci_pkids() if p in verification and p in signing), None)
        if pkid is None:
            raise Failure("8.11.1", "3.9", "no CI public key in common with the eUICC")
        session = self.new_session(euicc_challenge)
        signed1 = der.seq(0x30, der.tlv(0x80, session.tid), der.tlv(0x81, euicc_challenge),
                          der.tlv(0x83, self.address.encode()), der.tlv(0x84, session.server_challenge))
        signature = certificates.sign(self.auth_key, signed1)
        if corrupt_signature:
            signature = bytes([signature[0] ^ 0x01]) + signature[1:]
        return session, success(
            transactionId=session.tid.hex().upper(),
            serverSigned1=b64e(signed1),
            serverSignature1=b64e(certificates.signature_do(signature)),
            euiccCiPKIdToBeUsed=b64e(der.tlv(0x04, pkid)),
            serverCertificate=b64e(self.auth_cert.public_bytes(certificates.serialization.Encoding.DER)))

    def session_for(self, tid: bytes, *states: str) -> AuthSession:
        with self.lock:
            session = self.sessions.get(tid)
        if session is None or (states and session.state not in states):
            raise Failure("8.10.1", "3.9", "unknown transactionId or no session in that state")
        return session

    @staticmethod
    def peek_matching_id(response: der.Tlv) -> str | None:
        try:
            ctx = response.get(0xA0).get(0x30).get(0xA0)
            mid = ctx.find(0x80)
            return mid.value.decode("utf-8") if mid is not None else None
        except (der.DerError, UnicodeDecodeError):
            return None

    def check_authenticate_server_response(self, session: AuthSession, response: der.Tlv) -> ClientAuthentication:
        if response.find(0xA1) is not None:
            code = der.decode_int(response.get(0xA1).get(0x02).value)
            raise Failure("8.1", "4.2", f"the eUICC refused the server (authenticateErrorCode {code})",
                          end_state="card-refused")
        try:
            ok = response.get(0xA0)
            signed1 = ok.get(0x30)
            signature1 = ok.get(0x5F37).value
            certs = ok.all(0x30)
            if len(certs) != 3:
                raise der.DerError("expected euiccSigned1 and two certificates")
            euicc_der, eum_der = certs[1].raw, certs[2].raw
            tid = signed1.get(0x80).value
            server_address = signed1.get(0x83).value.decode("utf-8")
            server_challenge = signed1.get(0x84).value
            ctx = signed1.get(0xA0)
            mid = ctx.find(0x80)
            matching_id = mid.value.decode("utf-8") if mid is not None else None
        except (der.DerError, UnicodeDecodeError) as error:
            raise Failure("1.2", "2.1", f"authenticateServerResponse is malformed: {error}")
        try:
            euicc_cert = self.pki.verify_euicc_chain(euicc_der, eum_der)
        except ChainError as error:
            raise Failure("8.1.2" if error.which == "eum" else "8.1.3", "6.1", str(error))
        if not certificates.verify(euicc_cert.public_key(), signed1.raw, signature1):
            raise Failure("8.1", "6.1", "euiccSignature1 does not verify")
        if tid != session.tid:
            raise Failure("8.10.1", "3.9", "transactionId in euiccSigned1 differs")
        if server_challenge != session.server_challenge or host_of(server_address) != host_of(self.address):
            raise Failure("8.1", "6.1", "serverChallenge or serverAddress not echoed")
        return ClientAuthentication(euicc_cert, certificates.eid_of(euicc_cert), signature1, matching_id)
