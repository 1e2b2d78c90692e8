"""The test SM-DP+: ES9+ over the JSON binding (SGP.22 6.5), with orders, confirmation codes,
failure injection and the session bookkeeping the admin view shows."""
from __future__ import annotations

import hashlib
import hmac
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

import bsp
import certificates
import der
from rsp_common import AuthServer, Failure, Reply, b64e, failed, field_bytes, field_tid, parse_der, redact, success


PROFILE_CLASSES = {"test": 0, "provisioning": 1, "operational": 2}
OPERATIONS = {0: "install", 1: "enable", 2: "disable", 3: "delete"}
HOST_ID = b"lpad-test-smdp"  # the CRT's hostId (OctetTo16), part of the KDF's sharedInfo
CC_ATTEMPTS = 3
OPEN_STATES = ("initiated", "authenticated", "bpp-sent")
# Sessions the server ended with a Failed answer: the eUICC still holds its side, so the LPA's
# ES9+.CancelSession for them is accepted (and recorded) instead of answering 8.10.1.
CANCELLABLE_STATES = OPEN_STATES + ("failed", "card-refused")


@dataclass
class Order:
    """One downloadable profile, found by its matching ID."""
    matching_id: str
    upp: bytes
    iccid: bytes  # as in the UPP's ProfileHeader (printed BCD order)
    service_provider: str
    profile_name: str
    profile_class: str | None = None
    confirmation_code: str | None = None
    one_time: bool = True
    expired: bool = False
    inject: str | None = None
    inject_times: int | None = None  # None: every time
    eid: str | None = None  # only this eUICC may download
    installed: int = 0
    used: bool = False
    wrong_codes: int = 0

    @classmethod
    def from_config(cls, entry: dict, base: Path) -> "Order":
        upp = (base / entry["upp"]).read_bytes()
        header = der.parse_first(upp)
        if header.tag != 0xA0:
            raise ValueError(f"{entry['upp']}: the first profile element is not a ProfileHeader")
        profile_class = entry.get("profile_class")
        if profile_class is not None and profile_class not in PROFILE_CLASSES:
            raise ValueError(f"profile_class {profile_class!r} is not one of {sorted(PROFILE_CLASSES)}")
        return cls(entry["matching_id"], upp, header.get(0x83).value,
                   entry.get("service_provider", "lpad test SP"), entry.get("profile_name", entry["matching_id"]),
                   profile_class, entry.get("confirmation_code"), entry.get("one_time", True),
                   entry.get("expired", False), entry.get("inject"), entry.get("inject_times"), entry.get("eid"))

    def injection(self, name: str) -> bool:
        """True when this order asks for the failure `name` now (counts it down when limited)."""
        if self.inject != name or self.inject_times == 0:
            return False
        if self.inject_times is not None:
            self.inject_times -= 1
        return True

    def store_metadata(self, notification_address: str) -> bytes:
        """StoreMetadataRequest (BF25); profileClass operational is DER's DEFAULT, so omitted."""
        klass = None
        if self.profile_class not in (None, "operational"):
            klass = der.tlv(0x95, der.encode_int(PROFILE_CLASSES[self.profile_class]))
        notify = der.tlv(0xB6, der.seq(0x30, der.tlv(0x80, der.encode_named_bits([0, 1, 2, 3])),
                                       der.tlv(0x81, notification_address.encode())))
        return der.seq(0xBF25, der.tlv(0x5A, der.swap_nibbles(self.iccid)),
                       der.tlv(0x91, self.service_provider.encode()), der.tlv(0x92, self.profile_name.encode()),
                       klass, notify)


@dataclass
class Notification:
    seq_number: int | None
    operation: str | None
    iccid: str | None
    result: str | None
    verified: bool

    def to_json(self) -> dict:
        return {"seq_number": self.seq_number, "operation": self.operation, "iccid": self.iccid,
                "result": self.result, "verified": self.verified}


class SmDpPlus:
    def __init__(self, pki: certificates.Pki, orders: list[Order], address: str):
        self.pki = pki
        self.address = address
        self.auth = AuthServer(pki, pki.dp_auth, pki.dp_auth_key, address, "smdpAddress")
        self.orders = {o.matching_id: o for o in orders}
        self.notifications: list[Notification] = []
        self.fail_notifications = 0
        self.armed: str | None = None
        self.lock = threading.RLock()

    # --- admin ------------------------------------------------------------------------------

    def admin_state(self) -> dict:
        with self.lock:
            sessions = [{"transaction_id": s.tid.hex().upper(), "matching_id": s.matching_id, "state": s.state,
                         "cancel_reason": s.cancel_reason, "error": s.extra.get("error")}
                        for s in self.auth.sessions.values()]
            return {"sessions": sessions, "notifications": [n.to_json() for n in self.notifications],
                    "downloads": {m: o.installed for m, o in self.orders.items()}}

    def fail_next_notifications(self, count: int) -> None:
        with self.lock:
            self.fail_notifications = count

    # --- dispatch ---------------------------------------------------------------------------

    def handle(self, function: str, body: dict) -> Reply:
        handler = {"initiateAuthentication": self.initiate_authentication,
                   "authenticateClient": self.authenticate_client,
                   "getBoundProfilePackage": self.get_bound_profile_package,
                   "handleNotification": self.handle_notification,
                   "cancelSession": self.cancel_session}.get(function)
        if handler is None:
            return Reply(404, None, outcome="unknown function")
        with self.lock:  # one request at a time: simple, and plenty for tests
            context: dict = {}
            try:
                return handler(body, context)
            except Failure as failure:
                session = context.get("session")
                if session is not None and session.state in OPEN_STATES:
                    session.state = failure.end_state
                    session.extra["error"] = f"{failure.subject}/{failure.reason}"
                return Reply(200, failed(failure), outcome=f"Failed {failure.subject}/{failure.reason} "
                                                           f"({failure.message}) mid={redact(context.get('mid'))}")

    def arm(self, matching_id: str) -> None:
        """initiateAuthentication carries no matching ID, so its injections cannot find their
        order by themselves: the next initiateAuthentication is attributed to this order."""
        with self.lock:
            if matching_id not in self.orders:
                raise KeyError(matching_id)
            self.armed = matching_id

    # --- ES9+ functions ---------------------------------------------------------------------

    def initiate_authentication(self, body: dict, context: dict) -> Reply:
        order = self.orders.get(self.armed or "")
        self.armed = None
        context["mid"] = order.matching_id if order else None
        if order is not None and order.injection("http500:initiateAuthentication"):
            return Reply(500, None, outcome=f"injected HTTP 500 mid={redact(order.matching_id)}")
        corrupt = order is not None and order.injection("bad-signature:serverSignature1")
        session, response = self.auth.initiate_authentication(body, corrupt_signature=corrupt)
        if order is not None:
            session.matching_id = order.matching_id  # so the admin view shows whose session it was
        return Reply(200, response, outcome=f"ok tid={session.tid.hex().upper()} mid={redact(context['mid'])}"
                                            + (" (bad signature)" if corrupt else ""))

    def authenticate_client(self, body: dict, context: dict) -> Reply:
        tid = field_tid(body)
        session = self.auth.session_for(tid, "initiated")
        response = parse_der(field_bytes(body, "authenticateServerResponse"), 0xBF38, "authenticateServerResponse")
        peeked = self.auth.peek_matching_id(response)
        context["mid"] = peeked
        order = self.orders.get(peeked or "")
        if order is not None and order.injection("http500:authenticateClient"):
            return Reply(500, None, outcome=f"injected HTTP 500 mid={redact(peeked)}")
        context["session"] = session
        client = self.auth.check_authenticate_server_response(session, response)
        session.euicc_cert, session.eid, session.matching_id = client.euicc_cert, client.eid, client.matching_id
        order = self._order_for(client.matching_id, client.eid, session)
        if order is None or (order.one_time and (order.used or self._reserved(order, session))):
            raise Failure("8.2.6", "3.8", "matching ID refused")
        session.matching_id = order.matching_id
        if order.eid is not None and order.eid.upper() != client.eid.upper():
            raise Failure("8.1.1", "3.8", "this order is for another EID")
        if order.expired:
            raise Failure("8.8.5", "4.10", "download order expired")
        if order.confirmation_code is not None and order.wrong_codes >= CC_ATTEMPTS:
            raise Failure("8.2.7", "6.4", "confirmation code retries exceeded")
        metadata = order.store_metadata(self.address)
        cc_required = order.confirmation_code is not None
        signed2 = der.seq(0x30, der.tlv(0x80, tid), der.tlv(0x01, der.encode_bool(cc_required)))
        signature2 = certificates.sign(self.pki.dp_pb_key, signed2 + certificates.signature_do(client.euicc_signature1))
        if order.injection("bad-signature:smdpSignature2"):
            signature2 = bytes([signature2[0] ^ 0x01]) + signature2[1:]
        session.extra.update(order=order, metadata=metadata, smdp_signature2=signature2)
        session.state = "authenticated"
        answered_tid = tid
        if order.injection("wrong-transaction-id:authenticateClient"):
            answered_tid = bytes([tid[0] ^ 0xFF]) + tid[1:]
        return Reply(200, success(
            transactionId=answered_tid.hex().upper(), profileMetadata=b64e(metadata), smdpSigned2=b64e(signed2),
            smdpSignature2=b64e(certificates.signature_do(signature2)),
            smdpCertificate=b64e(self.pki.dp_pb.public_bytes(serialization.Encoding.DER))),
            outcome=f"ok mid={redact(order.matching_id)} cc={'required' if cc_required else 'no'}")

    def _order_for(self, matching_id: str | None, eid: str, session) -> Order | None:
        """The order a matching ID names; without one (default SM-DP+ address), the first
        available order bound to this EID."""
        if matching_id:
            return self.orders.get(matching_id)
        return next((o for o in self.orders.values() if o.eid is not None and o.eid.upper() == eid.upper()
                     and not (o.one_time and (o.used or self._reserved(o, session)))), None)

    def _reserved(self, order: Order, current) -> bool:
        """A one-time order whose BPP is on its way to another eUICC is not available."""
        return any(s is not current and s.state == "bpp-sent" and s.extra.get("order") is order
                   for s in self.auth.sessions.values())

    def get_bound_profile_package(self, body: dict, context: dict) -> Reply:
        tid = field_tid(body)
        session = self.auth.session_for(tid, "authenticated", "bpp-sent")
        order: Order = session.extra["order"]
        context["mid"] = order.matching_id
        if order.injection("http500:getBoundProfilePackage"):
            return Reply(500, None, outcome=f"injected HTTP 500 mid={redact(order.matching_id)}")
        context["session"] = session
        response = parse_der(field_bytes(body, "prepareDownloadResponse"), 0xBF21, "prepareDownloadResponse")
        if response.find(0xA1) is not None:
            code = der.decode_int(response.get(0xA1).get(0x02).value)
            raise Failure("8.2", "4.2", f"the eUICC refused PrepareDownload (downloadErrorCode {code})",
                          end_state="card-refused")
        try:
            ok = response.get(0xA0)
            signed2 = ok.get(0x30)
            signature2 = ok.get(0x5F37).value
            signed_tid = signed2.get(0x80).value
            euicc_otpk = signed2.get(0x5F49).value
            hash_cc = signed2.find(0x04)
        except der.DerError as error:
            raise Failure("1.2", "2.1", f"prepareDownloadResponse is malformed: {error}")
        signed_data = signed2.raw + certificates.signature_do(session.extra["smdp_signature2"])
        if not certificates.verify(session.euicc_cert.public_key(), signed_data, signature2):
            raise Failure("8.1", "6.1", "euiccSignature2 does not verify")
        if signed_tid != tid:
            raise Failure("8.10.1", "3.9", "transactionId in euiccSigned2 differs")
        if session.state == "bpp-sent":  # a retry: the same one-time key gets the same package
            if session.extra.get("euicc_otpk") != euicc_otpk:
                raise Failure("8.10.1", "3.9", "a package was already bound to another key")
            return Reply(200, success(transactionId=tid.hex().upper(), boundProfilePackage=b64e(session.extra["bpp"])),
                         outcome=f"ok (resent) mid={redact(order.matching_id)}")
        self._check_confirmation_code(order, session, hash_cc)
        bpp = self._bind(session, order, euicc_otpk)
        body = success(transactionId=tid.hex().upper(), boundProfilePackage=b64e(bpp))
        if order.injection("drop:getBoundProfilePackage"):
            return Reply(200, body, truncate=True, outcome=f"injected drop mid={redact(order.matching_id)}")
        session.extra.update(bpp=bpp, euicc_otpk=euicc_otpk)
        session.state = "bpp-sent"
        return Reply(200, body, outcome=f"ok {len(bpp)} bytes mid={redact(order.matching_id)}")

    def _check_confirmation_code(self, order: Order, session, hash_cc: der.Tlv | None) -> None:
        if order.confirmation_code is None:
            return
        if hash_cc is None:
            raise Failure("8.2.7", "2.2", "confirmation code missing")
        expected = hashlib.sha256(hashlib.sha256(order.confirmation_code.encode()).digest() + session.tid).digest()
        if not hmac.compare_digest(expected, hash_cc.value):
            order.wrong_codes += 1
            if order.wrong_codes >= CC_ATTEMPTS:
                raise Failure("8.2.7", "6.4", "confirmation code retries exceeded")
            raise Failure("8.2.7", "3.8", "confirmation code refused")
        order.wrong_codes = 0

    def _bind(self, session, order: Order, euicc_otpk: bytes) -> bytes:
        """Build the BoundProfilePackage for this eUICC's one-time key (SGP.22 2.5.5, 2.6.6)."""
        try:
            euicc_public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), euicc_otpk)
        except ValueError:
            raise Failure("8.2", "2.1", "euiccOtpk is not a P-256 point")
        ot_key = ec.generate_private_key(ec.SECP256R1())
        smdp_otpk = ot_key.public_key().public_bytes(serialization.Encoding.X962,
                                                     serialization.PublicFormat.UncompressedPoint)
        crt = der.seq(0xA6, der.tlv(0x80, bytes([bsp.KEY_TYPE_AES])), der.tlv(0x81, bytes([bsp.KEY_LENGTH])),
                      der.tlv(0x84, HOST_ID))
        head = der.tlv(0x82, der.encode_int(1)) + der.tlv(0x80, session.tid) + crt + der.tlv(0x5F49, smdp_otpk)
        smdp_sign = certificates.sign(self.pki.dp_pb_key, head + der.tlv(0x5F49, euicc_otpk))
        initialise = der.tlv(0xBF23, head + certificates.signature_do(smdp_sign))
        keys = bsp.Bsp.from_shared_secret(ot_key.exchange(ec.ECDH(), euicc_public), HOST_ID, bytes.fromhex(session.eid))
        parts = bsp.protect(keys, der.tlv(0xBF24, b""), session.extra["metadata"], order.upp)
        if order.injection("bad-bpp-mac"):
            segment = bytearray(parts.seq86[0])
            segment[-1] ^= 0x01
            parts.seq86[0] = bytes(segment)
        return bsp.assemble(initialise, parts)

    def cancel_session(self, body: dict, context: dict) -> Reply:
        tid = field_tid(body)
        session = self.auth.session_for(tid, *CANCELLABLE_STATES)
        order = session.extra.get("order")
        context["mid"] = session.matching_id
        if order is not None and order.injection("http500:cancelSession"):
            return Reply(500, None, outcome=f"injected HTTP 500 mid={redact(session.matching_id)}")
        response = parse_der(field_bytes(body, "cancelSessionResponse"), 0xBF41, "cancelSessionResponse")
        if response.find(0xA0) is None:
            raise Failure("8.1", "4.2", "the eUICC answered CancelSession with an error")
        try:
            ok = response.get(0xA0)
            signed = ok.get(0x30)
            signature = ok.get(0x5F37).value
            signed_tid = signed.get(0x80).value
            oid = der.decode_oid(signed.get(0x81).value)
            reason = der.decode_int(signed.get(0x82).value)
        except der.DerError as error:
            raise Failure("1.2", "2.1", f"cancelSessionResponse is malformed: {error}")
        if session.euicc_cert is not None and not certificates.verify(session.euicc_cert.public_key(), signed.raw, signature):
            raise Failure("8.1", "6.1", "euiccCancelSessionSignature does not verify")
        if signed_tid != tid:
            raise Failure("8.10.1", "3.9", "transactionId in euiccCancelSessionSigned differs")
        if oid != self.pki.smdp_oid():
            raise Failure("8.8", "3.10", "smdpOid is not this SM-DP+'s")
        session.state, session.cancel_reason = "cancelled", reason
        return Reply(200, success(), outcome=f"ok cancelled reason={reason} mid={redact(session.matching_id)}")

    def handle_notification(self, body: dict, context: dict) -> Reply:
        if self.fail_notifications > 0:
            self.fail_notifications -= 1
            return Reply(500, None, outcome="injected HTTP 500 (fail-next-notifications)")
        data = field_bytes(body, "pendingNotification")
        try:
            item = der.parse(data)
        except der.DerError as error:
            raise Failure("1.2", "2.1", f"pendingNotification is malformed: {error}")
        if item.tag == 0xBF37:
            return self._installation_result(item, context)
        if item.tag == 0x30:
            return self._other_notification(item, context)
        raise Failure("1.2", "2.1", "pendingNotification is neither a PIR nor an OtherSignedNotification")

    def _installation_result(self, pir: der.Tlv, context: dict) -> Reply:
        try:
            data = pir.get(0xBF27)
            signature = pir.get(0x5F37).value
            tid = data.get(0x80).value
            metadata = data.get(0xBF2F)
            smdp_oid = der.decode_oid(data.get(0x06).value)
            final = data.get(0xA2)
            success_result = final.find(0xA0) is not None
        except der.DerError as error:
            raise Failure("1.2", "2.1", f"ProfileInstallationResult is malformed: {error}")
        session = self.auth.sessions.get(tid)
        order = session.extra.get("order") if session is not None else None
        context["mid"] = session.matching_id if session else None
        if order is not None and order.injection("http500:handleNotification"):
            return Reply(500, None, outcome="injected HTTP 500")
        verified = bool(session and session.euicc_cert and smdp_oid == self.pki.smdp_oid()
                        and certificates.verify(session.euicc_cert.public_key(), data.raw, signature))
        notification = self._notification(metadata, "success" if success_result else "error", verified)
        if session is not None and verified and session.state in OPEN_STATES:
            session.state = "installed" if success_result else "install-failed"
            if success_result and order is not None:
                order.installed += 1
                order.used = order.one_time
        return Reply(204, None, outcome=f"PIR {notification.result} verified={verified} mid={redact(context['mid'])}")

    def _other_notification(self, item: der.Tlv, context: dict) -> Reply:
        try:
            metadata = item.get(0xBF2F)
            signature = item.get(0x5F37).value
            certs = item.all(0x30)
            euicc_der, eum_der = certs[0].raw, certs[1].raw
        except (der.DerError, IndexError) as error:
            raise Failure("1.2", "2.1", f"OtherSignedNotification is malformed: {error}")
        try:
            euicc = self.pki.verify_euicc_chain(euicc_der, eum_der)
            verified = certificates.verify(euicc.public_key(), metadata.raw, signature)
        except certificates.ChainError:
            verified = False
        notification = self._notification(metadata, None, verified)
        order = next((o for o in self.orders.values() if o.iccid.hex().rstrip("f") == notification.iccid), None)
        if order is not None and order.injection("http500:handleNotification"):
            self.notifications.pop()
            return Reply(500, None, outcome="injected HTTP 500")
        return Reply(204, None, outcome=f"{notification.operation} verified={verified}")

    def _notification(self, metadata: der.Tlv, result: str | None, verified: bool) -> Notification:
        try:
            seq = der.decode_int(metadata.get(0x80).value)
            bits = der.decode_named_bits(metadata.get(0x81).value)
            iccid = metadata.find(0x5A)
        except (der.DerError, IndexError) as error:
            raise Failure("1.2", "2.1", f"NotificationMetadata is malformed: {error}")
        operation = OPERATIONS.get(bits[0]) if len(bits) == 1 else None
        notification = Notification(seq, operation, der.iccid_to_text(iccid.value) if iccid else None, result, verified)
        self.notifications.append(notification)
        return notification
