"""Self-test of the test SM-DP+ / SM-DS: codec and crypto against ../shared vectors, then real
downloads over HTTPS against the running program, driven by a small Python eUICC (euicc_client).

Run: cd tests/rsp_servers && python3 -m unittest -v test_rsp_servers.py
"""
from __future__ import annotations

import datetime
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402

import bsp  # noqa: E402
import certificates  # noqa: E402
import der  # noqa: E402
from euicc_client import HttpsClient, RefusedByCard, SoftEuicc, b64, unb64  # noqa: E402


def shared_dir() -> Path:
    candidates = [os.environ.get("LPAD_SHARED_DIR"), HERE.parents[1] / ".." / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "vectors").is_dir():
            return Path(candidate).resolve()
    raise unittest.SkipTest("../shared not found (set LPAD_SHARED_DIR)")


SHARED = shared_dir()
VECTORS = SHARED / "vectors"
RECORDING = VECTORS / "download-sgp26"
SGP26 = SHARED / "pki" / "sgp26"
ES9 = "/gsma/rsp2/es9plus/"
ES11 = "/gsma/rsp2/es11/"


def recorded(name: str) -> dict:
    return json.loads((RECORDING / name).read_text())


def status_of(body: dict) -> tuple[str, str | None, str | None]:
    status = body["header"]["functionExecutionStatus"]
    data = status.get("statusCodeData", {})
    return status["status"], data.get("subjectCode"), data.get("reasonCode")


# --- offline: codec and crypto ----------------------------------------------------------------

class DerCodecTest(unittest.TestCase):
    def test_every_es10_structure_round_trips(self):
        structures = json.loads((VECTORS / "es10-structures.json").read_text())["structures"]
        self.assertGreaterEqual(len(structures), 30)
        for entry in structures:
            with self.subTest(entry["name"]):
                data = bytes.fromhex(entry["der_hex"])
                self.assertEqual(data, der.reencode(der.parse(data)))

    def test_values(self):
        structures = {s["name"]: bytes.fromhex(s["der_hex"]) for s in
                      json.loads((VECTORS / "es10-structures.json").read_text())["structures"]}
        signed1 = der.parse(structures["ServerSigned1-recorded"])
        self.assertEqual("b2d48628b6f8495cb5718144c095148c", signed1.get(0x80).value.hex())
        self.assertEqual(b"testsmdpplus1.example.com", signed1.get(0x83).value)
        metadata = der.parse(structures["NotificationMetadata-enable"], 0xBF2F)
        self.assertEqual([1], der.decode_named_bits(metadata.get(0x81).value))
        self.assertEqual("8949449999999990049", der.iccid_to_text(metadata.get(0x5A).value))
        error = der.parse(structures["PrepareDownloadResponse-error-invalidSignature"], 0xBF21)
        self.assertEqual(2, der.decode_int(error.get(0xA1).get(0x02).value))
        pir = der.parse(structures["ProfileInstallationResult-success-recorded"])
        self.assertEqual("2.999.10", der.decode_oid(pir.get(0xBF27).get(0x06).value))

    def test_primitives(self):
        for number in (0, 1, 127, 128, 255, 256, -1, 65535):
            self.assertEqual(number, der.decode_int(der.encode_int(number)))
        self.assertEqual("02020080", der.tlv(0x02, der.encode_int(128)).hex())
        self.assertEqual("8837", der.encode_oid("2.999.10")[:2].hex())
        self.assertEqual("2.999.10", der.decode_oid(der.encode_oid("2.999.10")))
        self.assertEqual("0780", der.encode_named_bits([0]).hex())
        self.assertEqual("04f0", der.encode_named_bits([0, 1, 2, 3]).hex())
        self.assertEqual(b"\x9f\x70\x01\x01", der.tlv(0x9F70, b"\x01"))
        self.assertEqual(300, len(der.parse(der.tlv(0x04, bytes(300))).value))

    def test_strictness(self):
        for bad in ("0481", "048101", "04800000", "0482000100", "0402aa", "0400ff"):
            with self.subTest(bad), self.assertRaises(der.DerError):
                der.parse(bytes.fromhex(bad))


class BspVectorTest(unittest.TestCase):
    def test_bsp_json_cases(self):
        for case in json.loads((VECTORS / "bsp.json").read_text())["cases"]:
            with self.subTest(case["id"]):
                inputs, kdf = case["inputs"], case["kdf"]
                info = bsp.shared_info(bytes.fromhex(inputs["hostId"]), bytes.fromhex(inputs["EID"]),
                                       inputs["keyType"], inputs["keyLength"])
                self.assertEqual(kdf["sharedInfo"], info.hex())
                mcv, s_enc, s_mac = bsp.derive_keys(bytes.fromhex(inputs["ShS"]), info)
                self.assertEqual((kdf["initialMCV"], kdf["S-ENC"], kdf["S-MAC"]), (mcv.hex(), s_enc.hex(), s_mac.hex()))
                if "otSK.EUICC.ECKA" in inputs and inputs["curve"].startswith("NIST"):
                    own = ec.derive_private_key(int(inputs["otSK.EUICC.ECKA"], 16), ec.SECP256R1())
                    peer = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), bytes.fromhex(inputs["otPK.DP.ECKA"]))
                    self.assertEqual(inputs["ShS"], own.exchange(ec.ECDH(), peer).hex())
                wrapper, unwrapper = bsp.Bsp(s_enc, s_mac, mcv), bsp.Bsp(s_enc, s_mac, mcv)
                under_ppk = False
                for step in case["steps"]:
                    if step["keys"].startswith("PPK") and not under_ppk:  # after ReplaceSessionKeys
                        ppk = case["ppk"]
                        keys = [bytes.fromhex(ppk[k]) for k in ("ppkEnc", "ppkCmac", "initialMacChainingValue")]
                        wrapper, unwrapper, under_ppk = bsp.Bsp(*keys), bsp.Bsp(*keys), True
                    plaintext = bytes.fromhex(step["plaintext"])
                    tag = int(step["wrapped_tlv"][:2], 16)
                    self.assertEqual(step["block_counter_used"], wrapper.counter)
                    wrapped = wrapper.mac_only(tag, plaintext) if tag == 0x88 else wrapper.wrap(tag, plaintext)
                    self.assertEqual(step["wrapped_tlv"], wrapped.hex(), step["step"])
                    self.assertEqual(step["mcv_after"], wrapper.mcv.hex())
                    item = der.parse(wrapped)
                    back = unwrapper.unwrap_mac_only(item) if tag == 0x88 else unwrapper.unwrap(item)
                    self.assertEqual(plaintext, back)

    def test_segments_stay_within_1020_bytes(self):
        keys = bsp.Bsp(bytes(16), bytes(16), bytes(16))
        parts = bsp.protect(keys, b"\xbf\x24\x00", bytes(2000), os.urandom(5000))
        for segment in parts.first87 + parts.seq88 + parts.seq86:
            self.assertLessEqual(len(segment), bsp.MAX_SEGMENT_TLV)
        self.assertEqual(1020, max(len(s) for s in parts.seq86))

    def test_tampered_mac_is_refused(self):
        wrapped = bytearray(bsp.Bsp(bytes(16), bytes(16), bytes(16)).wrap(0x86, b"profile"))
        wrapped[-1] ^= 1
        with self.assertRaises(bsp.BspError):
            bsp.Bsp(bytes(16), bytes(16), bytes(16)).unwrap(der.parse(bytes(wrapped)))


class RecordedDownloadTest(unittest.TestCase):
    """The pySim/osmo-smdpp recording: unwrap its BPP, rebuild it, verify its six signatures."""

    @classmethod
    def setUpClass(cls):
        cls.secrets = recorded("euicc-secrets.json")
        cls.bpp = der.parse((RECORDING / "bpp.der").read_bytes(), 0xBF36)
        cls.pki = certificates.Pki.load(SGP26)
        cls.euicc_cert = x509.load_der_x509_certificate((SGP26 / "CERT_EUICC_ECDSA_NIST.der").read_bytes())

    def session_keys(self) -> bsp.Bsp:
        initialise = self.bpp.get(0xBF23)
        own = ec.derive_private_key(int(self.secrets["otSK.EUICC.ECKA"], 16), ec.SECP256R1())
        peer = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), initialise.get(0x5F49).value)
        shs = own.exchange(ec.ECDH(), peer)
        self.assertEqual(recorded("derived.json")["shared_secret_ShS"], shs.hex())
        return bsp.Bsp.from_shared_secret(shs, initialise.get(0xA6).get(0x84).value, bytes.fromhex(self.secrets["eid"]))

    def test_unwrap_recorded_bpp(self):
        unwrapped = bsp.unwrap_bpp(self.bpp, self.session_keys())
        self.assertEqual((RECORDING / "upp.der").read_bytes(), unwrapped.upp)
        self.assertEqual((SHARED / "upp" / "TS48V2-SAIP2-1-BERTLV-UNIQUE.der").read_bytes(), unwrapped.upp)
        self.assertEqual((RECORDING / "storeMetadata.der").read_bytes(), unwrapped.store_metadata)
        self.assertEqual((RECORDING / "configureISDP.der").read_bytes(), unwrapped.configure_isdp)
        self.assertEqual((RECORDING / "replaceSessionKeys.der").read_bytes(), unwrapped.replace_session_keys)

    def test_rebuild_recorded_bpp_byte_for_byte(self):
        ppk = recorded("derived.json")["ppk"]
        rsk = tuple(bytes.fromhex(ppk[k]) for k in ("initialMacChainingValue", "ppkEnc", "ppkCmac"))
        parts = bsp.protect(self.session_keys(), (RECORDING / "configureISDP.der").read_bytes(),
                            (RECORDING / "storeMetadata.der").read_bytes(), (RECORDING / "upp.der").read_bytes(),
                            replace_session_keys=rsk, profile_chunk=1008)  # osmo-smdpp's chunk size
        self.assertEqual(self.bpp.raw, bsp.assemble(self.bpp.get(0xBF23).raw, parts))

    def test_six_signatures(self):
        init = recorded("01-initiateAuthentication.response.json")
        auth = der.parse(unb64(recorded("02-authenticateClient.request.json")["authenticateServerResponse"]), 0xBF38)
        client = recorded("02-authenticateClient.response.json")
        prepare = der.parse(unb64(recorded("03-getBoundProfilePackage.request.json")["prepareDownloadResponse"]))
        pir = der.parse(unb64(recorded("04-handleNotification.request.json")["pendingNotification"]), 0xBF37)
        dp_auth, dp_pb = self.pki.dp_auth.public_key(), self.pki.dp_pb.public_key()
        euicc = self.euicc_cert.public_key()

        sig = lambda text: der.parse(unb64(text), 0x5F37).value  # noqa: E731
        self.assertTrue(certificates.verify(dp_auth, unb64(init["serverSigned1"]), sig(init["serverSignature1"])))
        ok1 = auth.get(0xA0)
        signature1 = ok1.get(0x5F37).value
        self.assertTrue(certificates.verify(euicc, ok1.get(0x30).raw, signature1))
        signature2 = sig(client["smdpSignature2"])
        self.assertTrue(certificates.verify(dp_pb, unb64(client["smdpSigned2"]) + certificates.signature_do(signature1),
                                            signature2))
        ok2 = prepare.get(0xA0)
        self.assertTrue(certificates.verify(euicc, ok2.get(0x30).raw + certificates.signature_do(signature2),
                                            ok2.get(0x5F37).value))
        initialise = self.bpp.get(0xBF23)
        head = b"".join(p.raw for p in initialise.children() if p.tag != 0x5F37)
        self.assertTrue(certificates.verify(dp_pb, head + ok2.get(0x30).get(0x5F49).raw, initialise.get(0x5F37).value))
        self.assertTrue(certificates.verify(euicc, pir.get(0xBF27).raw, pir.get(0x5F37).value))
        self.assertFalse(certificates.verify(euicc, pir.get(0xBF27).raw + b"x", pir.get(0x5F37).value))

    def test_sgp26_euicc_chain_with_the_sgp22_name_rule(self):
        when = datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc)
        ok = der.parse(unb64(recorded("02-authenticateClient.request.json")["authenticateServerResponse"])).get(0xA0)
        _, euicc_cert, eum_cert = ok.all(0x30)
        chained = self.pki.verify_euicc_chain(euicc_cert.raw, eum_cert.raw, when)
        self.assertEqual(self.secrets["eid"], certificates.eid_of(chained))
        with self.assertRaises(certificates.ChainError):
            self.pki.verify_euicc_chain(eum_cert.raw, eum_cert.raw, when)
        self.assertEqual("2.999.10", self.pki.smdp_oid())
        self.assertEqual(["f54172bdf98a95d65cbeb88a38a1c11d800a85c3"], [p.hex() for p in self.pki.ci_pkids()])


# --- online: the running program ----------------------------------------------------------

class ServerProcess:
    """rsp_test_server.py as the integration tests run it."""

    def __init__(self, folder: Path, pki: Path, config: dict, name: str):
        self.config_path = folder / f"{name}.json"
        self.config_path.write_text(json.dumps(config))
        self.ready = folder / f"{name}.ready"
        self.log = open(folder / f"{name}.log", "w+")
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "rsp_test_server.py"), "--pki", str(pki), "--config", str(self.config_path),
             "--ready-file", str(self.ready)], stderr=self.log)
        deadline = time.monotonic() + 15
        while not self.ready.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {self.stderr()}")
            time.sleep(0.05)
        ports = json.loads(self.ready.read_text())
        self.smdp_port, self.smds_port = ports["smdp_port"], ports["smds_port"]
        self.smdp = HttpsClient(self.smdp_port, pki / "ci.pem", "smdp.test.lpad")
        self.smds = HttpsClient(self.smds_port, pki / "ci.pem", "smds.test.lpad")
        self.smdp_address = f"smdp.test.lpad:{self.smdp_port}"
        self.smds_address = f"smds.test.lpad:{self.smds_port}"

    def stderr(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(10)
        self.log.close()
        return code

    def state(self) -> dict:
        status, _, data = self.smdp.request("GET", "/admin/state", headers={})
        assert status == 200
        return json.loads(data)

    def session(self, tid: bytes) -> dict:
        return next(s for s in self.state()["sessions"] if s["transaction_id"] == tid.hex().upper())


UPP = "TS48V2-SAIP2-1-BERTLV-UNIQUE.der"


def profile(matching_id: str, **extra) -> dict:
    return {"matching_id": matching_id, "upp": str(SHARED / "upp" / UPP), "service_provider": "lpad Test",
            "profile_name": f"Profile {matching_id}", **extra}


class Download:
    """One download driven step by step; each step returns the parsed JSON (or raises)."""

    def __init__(self, test: unittest.TestCase, server: ServerProcess, euicc: SoftEuicc, matching_id: str | None):
        self.test, self.server, self.euicc, self.matching_id = test, server, euicc, matching_id
        self.tid = b""

    def initiate(self) -> dict:
        status, body = self.server.smdp.call(ES9 + "initiateAuthentication", {
            "euiccChallenge": b64(self.euicc.new_challenge()), "euiccInfo1": b64(self.euicc.euicc_info1()),
            "smdpAddress": self.server.smdp_address})
        self.test.assertEqual(200, status)
        if status_of(body)[0] == "Executed-Success":
            self.tid = bytes.fromhex(body["transactionId"])
        return body

    def authenticate(self, init: dict | None = None) -> dict:
        init = init or self.initiate()
        self.test.assertEqual("Executed-Success", status_of(init)[0], init)
        try:
            response = self.euicc.authenticate_server(init, self.matching_id, self.server.smdp_address)
        except RefusedByCard as refused:
            response = refused.response
        status, body = self.server.smdp.call(ES9 + "authenticateClient", {
            "transactionId": self.tid.hex().upper(), "authenticateServerResponse": b64(response)})
        self.test.assertEqual(200, status)
        return body

    def get_bpp(self, code: str | None = None, auth: dict | None = None) -> dict:
        auth = auth or self.authenticate()
        self.test.assertEqual("Executed-Success", status_of(auth)[0], auth)
        try:
            response = self.euicc.prepare_download(auth, code)
        except RefusedByCard as refused:
            response = refused.response
        status, body = self.server.smdp.call(ES9 + "getBoundProfilePackage", {
            "transactionId": self.tid.hex().upper(), "prepareDownloadResponse": b64(response)})
        self.test.assertEqual(200, status)
        return body

    def install(self, code: str | None = None, bpp: dict | None = None):
        bpp = bpp or self.get_bpp(code)
        self.test.assertEqual("Executed-Success", status_of(bpp)[0], bpp)
        result = self.euicc.load_bpp(unb64(bpp["boundProfilePackage"]), self.server.pki_oid)
        status, _, data = self.server.smdp.request("POST", ES9 + "handleNotification",
                                                    {"pendingNotification": b64(result.pir)})
        self.test.assertEqual((204, b""), (status, data))
        return result


class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory()
        folder = Path(cls.scratch.name)
        cls.pki = folder / "pki"
        subprocess.run([sys.executable, str(HERE.parent / "pki" / "make_test_pki.py"), str(cls.pki)],
                       check=True, capture_output=True, timeout=60)
        cls.manifest = json.loads((cls.pki / "pki.json").read_text())
        profiles = [profile("PLAIN-1"), profile("REUSE-1"), profile("MULTI-1", one_time=False, profile_class="test"),
                    profile("CC-RIGHT", confirmation_code="1234"), profile("CC-WRONG", confirmation_code="1234"),
                    profile("CC-LOCK", confirmation_code="1234"), profile("CC-MISSING", confirmation_code="1234"),
                    profile("EXPIRED-1", expired=True), profile("CANCEL-1"), profile("CANCEL-2"),
                    profile("EVENT-1"), profile("NOTIFY-1"),
                    profile("INJ-500-AC", inject="http500:authenticateClient"),
                    profile("INJ-500-GBPP", inject="http500:getBoundProfilePackage", inject_times=1),
                    profile("INJ-DROP", inject="drop:getBoundProfilePackage"),
                    profile("INJ-SIG2", inject="bad-signature:smdpSignature2"),
                    profile("INJ-TID", inject="wrong-transaction-id:authenticateClient"),
                    profile("INJ-MAC", inject="bad-bpp-mac"), profile("OID-1"),
                    profile("EID-MINE", eid=cls.manifest["eid"], one_time=False),
                    profile("EID-OTHER", eid="89049032123451234512345678901235")]
        events = [{"eid": cls.manifest["eid"], "event_id": "EVENT-1", "rsp_server_address": "{smdp}"},
                  {"eid": "89049032123451234512345678901235", "event_id": "OTHER", "rsp_server_address": "x.example"}]
        cls.server = ServerProcess(folder, cls.pki, {"profiles": profiles, "events": events}, "main")
        cls.server.pki_oid = cls.manifest["smdp_oid"]

    @classmethod
    def tearDownClass(cls):
        code = cls.server.stop()
        cls.scratch.cleanup()
        assert code == 0, f"server exited {code}"

    def euicc(self) -> SoftEuicc:
        return SoftEuicc(self.pki)

    def download(self, matching_id: str | None) -> Download:
        return Download(self, self.server, self.euicc(), matching_id)

    # --- the normal path ---

    def test_full_download(self):
        run = self.download("PLAIN-1")
        auth = run.authenticate()
        self.assertEqual("Executed-Success", status_of(auth)[0])
        self.assertEqual(run.tid.hex().upper(), auth["transactionId"])
        metadata = der.parse(unb64(auth["profileMetadata"]), 0xBF25)
        self.assertEqual(b"lpad Test", metadata.get(0x91).value)
        self.assertIsNone(metadata.find(0x95))  # operational: DER leaves the DEFAULT out
        notify = metadata.get(0xB6).get(0x30)
        self.assertEqual([0, 1, 2, 3], der.decode_named_bits(notify.get(0x80).value))
        self.assertEqual(self.server.smdp_address.encode(), notify.get(0x81).value)
        self.assertEqual("authenticated", self.server.session(run.tid)["state"])
        bpp = run.get_bpp(auth=auth)
        self.assertEqual("bpp-sent", self.server.session(run.tid)["state"])
        package = der.parse(unb64(bpp["boundProfilePackage"]), 0xBF36)
        for sequence in (0xA0, 0xA1, 0xA3):
            self.assertTrue(all(len(s.raw) <= 1020 for s in package.get(sequence).children()))
        self.assertIsNone(package.find(0xA2))
        result = run.install(bpp=bpp)
        self.assertTrue(result.success)
        self.assertEqual((SHARED / "upp" / UPP).read_bytes(), result.upp)
        state = self.server.state()
        session = self.server.session(run.tid)
        self.assertEqual(("PLAIN-1", "installed", None), (session["matching_id"], session["state"], session["cancel_reason"]))
        self.assertEqual(1, state["downloads"]["PLAIN-1"])
        self.assertIn({"seq_number": 1, "operation": "install", "iccid": "8949449999999990049", "result": "success",
                       "verified": True}, state["notifications"])

    def test_response_headers_and_protocol_header_required(self):
        euicc = self.euicc()
        body = {"euiccChallenge": b64(euicc.new_challenge()), "euiccInfo1": b64(euicc.euicc_info1()),
                "smdpAddress": self.server.smdp_address}
        status, headers, _ = self.server.smdp.request("POST", ES9 + "initiateAuthentication", body)
        self.assertEqual(200, status)
        self.assertEqual("gsma/rsp/v2.2.0", headers["X-Admin-Protocol"])
        self.assertEqual("application/json;charset=UTF-8", headers["Content-Type"])
        status, _, _ = self.server.smdp.request("POST", ES9 + "initiateAuthentication", body,
                                                headers={"Content-Type": "application/json"})
        self.assertEqual(400, status)

    def test_one_time_order_is_refused_after_install(self):
        self.assertTrue(self.download("REUSE-1").install().success)
        self.assertEqual(("Failed", "8.2.6", "3.8"), status_of(self.download("REUSE-1").authenticate()))

    def test_reusable_order_and_profile_class(self):
        for _ in range(2):
            run = self.download("MULTI-1")
            auth = run.authenticate()
            self.assertEqual(b"\x00", der.parse(unb64(auth["profileMetadata"])).get(0x95).value)
            self.assertTrue(run.install(bpp=run.get_bpp(auth=auth)).success)
        self.assertEqual(2, self.server.state()["downloads"]["MULTI-1"])

    def test_unknown_matching_id(self):
        run = self.download("NO-SUCH-ORDER")
        self.assertEqual(("Failed", "8.2.6", "3.8"), status_of(run.authenticate()))
        self.assertEqual("failed", self.server.session(run.tid)["state"])

    def test_expired_order_and_the_lpa_cancelling_afterwards(self):
        run = self.download("EXPIRED-1")
        self.assertEqual(("Failed", "8.8.5", "4.10"), status_of(run.authenticate()))
        self.assertEqual(("failed", "8.8.5/4.10"), tuple(self.server.session(run.tid)[k] for k in ("state", "error")))
        # The card still holds its session: the LPA's cancel of a server-ended session is accepted.
        status, body = self.server.smdp.call(ES9 + "cancelSession", {
            "transactionId": run.tid.hex().upper(),
            "cancelSessionResponse": b64(run.euicc.cancel_session(run.tid, 127, self.manifest["smdp_oid"]))})
        self.assertEqual(("Executed-Success", None, None), status_of(body))
        session = self.server.session(run.tid)
        self.assertEqual(("EXPIRED-1", "cancelled", 127), (session["matching_id"], session["state"], session["cancel_reason"]))

    def test_eid_bound_orders(self):
        self.assertEqual(("Failed", "8.1.1", "3.8"), status_of(self.download("EID-OTHER").authenticate()))
        run = self.download(None)  # no matching ID (default SM-DP+): the order bound to this EID
        self.assertTrue(run.install().success)
        self.assertEqual(("EID-MINE", "installed"), tuple(self.server.session(run.tid)[k] for k in ("matching_id", "state")))

    def test_installation_result_for_another_smdp_is_not_accepted(self):
        run = self.download("OID-1")
        bpp = run.get_bpp()
        result = run.euicc.load_bpp(unb64(bpp["boundProfilePackage"]), "2.999.99")
        status, _, _ = self.server.smdp.request("POST", ES9 + "handleNotification", {"pendingNotification": b64(result.pir)})
        self.assertEqual(204, status)
        self.assertEqual("bpp-sent", self.server.session(run.tid)["state"])
        self.assertEqual(0, self.server.state()["downloads"]["OID-1"])

    def test_unknown_transaction_id(self):
        status, body = self.server.smdp.call(ES9 + "getBoundProfilePackage", {
            "transactionId": "00" * 16, "prepareDownloadResponse": b64(b"\xbf\x21\x00")})
        self.assertEqual(("Failed", "8.10.1", "3.9"), status_of(body))

    def test_unknown_ci_pkid(self):
        euicc = self.euicc()
        euicc.pkid = bytes(20)
        status, body = self.server.smdp.call(ES9 + "initiateAuthentication", {
            "euiccChallenge": b64(euicc.new_challenge()), "euiccInfo1": b64(euicc.euicc_info1()),
            "smdpAddress": self.server.smdp_address})
        self.assertEqual(("Failed", "8.11.1", "3.9"), status_of(body))

    def test_bad_euicc_signature1(self):
        run = self.download("PLAIN-1")
        original = run.euicc.authenticate_server

        def corrupted(*args):
            data = bytearray(original(*args))
            data[data.find(b"\x5f\x37\x40") + 5] ^= 1
            return bytes(data)
        run.euicc.authenticate_server = corrupted
        self.assertEqual(("Failed", "8.1", "6.1"), status_of(run.authenticate()))

    def test_foreign_eum_and_euicc_certificates(self):
        foreign = SoftEuicc(SGP26)
        for (eum, euicc_cert), subject in (((foreign.eum_der, foreign.cert_der), "8.1.2"),
                                           ((SoftEuicc(self.pki).eum_der, foreign.cert_der), "8.1.3")):
            run = self.download("PLAIN-1")
            run.euicc.eum_der, run.euicc.cert_der, run.euicc.key = eum, euicc_cert, foreign.key
            self.assertEqual(("Failed", subject, "6.1"), status_of(run.authenticate()))

    # --- confirmation codes ---

    def test_confirmation_code_right(self):
        run = self.download("CC-RIGHT")
        auth = run.authenticate()
        self.assertTrue(der.parse(unb64(auth["smdpSigned2"])).get(0x01).value == b"\xff")
        self.assertTrue(run.install(bpp=run.get_bpp("1234", auth=auth)).success)

    def test_confirmation_code_wrong_then_right(self):
        run = self.download("CC-WRONG")
        self.assertEqual(("Failed", "8.2.7", "3.8"), status_of(run.get_bpp("9999")))
        self.assertEqual("failed", self.server.session(run.tid)["state"])
        self.assertTrue(self.download("CC-WRONG").install("1234").success)

    def test_confirmation_code_retries_exceeded(self):
        for expected in ("3.8", "3.8", "6.4"):
            self.assertEqual(("Failed", "8.2.7", expected), status_of(self.download("CC-LOCK").get_bpp("0000")))
        self.assertEqual(("Failed", "8.2.7", "6.4"), status_of(self.download("CC-LOCK").authenticate()))

    def test_confirmation_code_missing(self):
        self.assertEqual(("Failed", "8.2.7", "2.2"), status_of(self.download("CC-MISSING").get_bpp(None)))

    # --- cancelSession ---

    def test_cancel_session_closes_the_session(self):
        run = self.download("CANCEL-1")
        self.assertEqual("Executed-Success", status_of(run.authenticate())[0])
        cancel = run.euicc.cancel_session(run.tid, 1, self.manifest["smdp_oid"])
        status, body = self.server.smdp.call(ES9 + "cancelSession", {
            "transactionId": run.tid.hex().upper(), "cancelSessionResponse": b64(cancel)})
        self.assertEqual(("Executed-Success", None, None), status_of(body))
        session = self.server.session(run.tid)
        self.assertEqual(("cancelled", 1), (session["state"], session["cancel_reason"]))
        status, body = self.server.smdp.call(ES9 + "cancelSession", {
            "transactionId": run.tid.hex().upper(), "cancelSessionResponse": b64(cancel)})
        self.assertEqual(("Failed", "8.10.1", "3.9"), status_of(body))
        # the order is still there for the next attempt
        self.assertTrue(self.download("CANCEL-1").install().success)

    def test_cancel_session_with_a_bad_signature(self):
        run = self.download("CANCEL-2")
        run.authenticate()
        cancel = bytearray(run.euicc.cancel_session(run.tid, 0, self.manifest["smdp_oid"]))
        cancel[-1] ^= 1
        status, body = self.server.smdp.call(ES9 + "cancelSession", {
            "transactionId": run.tid.hex().upper(), "cancelSessionResponse": b64(bytes(cancel))})
        self.assertEqual(("Failed", "8.1", "6.1"), status_of(body))

    # --- notifications ---

    def test_other_notifications_and_fail_next(self):
        euicc = self.euicc()
        euicc.seq_number = 40
        iccid = der.swap_nibbles(bytes.fromhex("8949449999999990049f"))
        status, _, _ = self.server.smdp.request("POST", "/admin/fail-next-notifications", {"count": 1})
        self.assertEqual(200, status)
        notification = euicc.other_notification(1, self.server.smdp_address, iccid)
        status, _, _ = self.server.smdp.request("POST", ES9 + "handleNotification",
                                                {"pendingNotification": b64(notification)})
        self.assertEqual(500, status)
        self.assertNotIn(41, [n["seq_number"] for n in self.server.state()["notifications"]])
        for bit, data in ((1, notification), (3, euicc.other_notification(3, self.server.smdp_address, iccid))):
            status, _, body = self.server.smdp.request("POST", ES9 + "handleNotification",
                                                       {"pendingNotification": b64(data)})
            self.assertEqual((204, b""), (status, body))
        recorded_ones = {n["seq_number"]: n for n in self.server.state()["notifications"]}
        self.assertEqual({"seq_number": 41, "operation": "enable", "iccid": "8949449999999990049", "result": None,
                          "verified": True}, recorded_ones[41])
        self.assertEqual("delete", recorded_ones[42]["operation"])
        forged = bytearray(euicc.other_notification(2, self.server.smdp_address, iccid))
        forged[20] ^= 1  # inside the signed metadata
        self.server.smdp.request("POST", ES9 + "handleNotification", {"pendingNotification": b64(bytes(forged))})
        self.assertFalse([n for n in self.server.state()["notifications"] if n["seq_number"] == 43][0]["verified"])

    # --- injections ---

    def test_inject_http500_authenticate_client(self):
        run = self.download("INJ-500-AC")
        init = run.initiate()
        response = run.euicc.authenticate_server(init, "INJ-500-AC", self.server.smdp_address)
        status, _ = self.server.smdp.call(ES9 + "authenticateClient", {
            "transactionId": run.tid.hex().upper(), "authenticateServerResponse": b64(response)})
        self.assertEqual(500, status)
        self.assertEqual("initiated", self.server.session(run.tid)["state"])

    def test_inject_http500_get_bpp_once(self):
        run = self.download("INJ-500-GBPP")
        auth = run.authenticate()
        prepare = run.euicc.prepare_download(auth)
        request = {"transactionId": run.tid.hex().upper(), "prepareDownloadResponse": b64(prepare)}
        status, _ = self.server.smdp.call(ES9 + "getBoundProfilePackage", request)
        self.assertEqual(500, status)
        self.assertEqual("authenticated", self.server.session(run.tid)["state"])
        status, body = self.server.smdp.call(ES9 + "getBoundProfilePackage", request)  # inject_times 1: retry works
        self.assertTrue(run.install(bpp=body).success)

    def test_inject_drop(self):
        run = self.download("INJ-DROP")
        auth = run.authenticate()
        request = {"transactionId": run.tid.hex().upper(),
                   "prepareDownloadResponse": b64(run.euicc.prepare_download(auth))}
        with self.assertRaises(http.client.IncompleteRead):
            self.server.smdp.call(ES9 + "getBoundProfilePackage", request)
        self.assertEqual("authenticated", self.server.session(run.tid)["state"])

    def test_inject_bad_smdp_signature2(self):
        run = self.download("INJ-SIG2")
        self.assertEqual(("Failed", "8.2", "4.2"), status_of(run.get_bpp()))
        self.assertEqual("card-refused", self.server.session(run.tid)["state"])

    def test_inject_wrong_transaction_id(self):
        run = self.download("INJ-TID")
        auth = run.authenticate()
        self.assertEqual("Executed-Success", status_of(auth)[0])
        self.assertNotEqual(run.tid.hex().upper(), auth["transactionId"])

    def test_inject_bad_bpp_mac(self):
        run = self.download("INJ-MAC")
        result = run.install()
        self.assertFalse(result.success)
        self.assertEqual((5, 8), result.error)  # loadProfileElements, scp03tSecurityError
        self.assertEqual("install-failed", self.server.session(run.tid)["state"])
        self.assertEqual(0, self.server.state()["downloads"]["INJ-MAC"])
        self.assertIn("error", [n["result"] for n in self.server.state()["notifications"]])

    # --- SM-DS ---

    def test_smds_events_then_download_by_event_id(self):
        euicc = self.euicc()
        status, init = self.server.smds.call(ES11 + "initiateAuthentication", {
            "euiccChallenge": b64(euicc.new_challenge()), "euiccInfo1": b64(euicc.euicc_info1()),
            "smdsAddress": self.server.smds_address})
        self.assertEqual("Executed-Success", status_of(init)[0], init)
        server_cert = x509.load_der_x509_certificate(unb64(init["serverCertificate"]))
        self.assertEqual((self.pki / "CERT_S_SM_DSauth_ECDSA_NIST.der").read_bytes(), unb64(init["serverCertificate"]))
        self.assertEqual(self.server.smds_address.encode(), der.parse(unb64(init["serverSigned1"])).get(0x83).value)
        self.assertTrue(certificates.issued_by(server_cert, x509.load_der_x509_certificate(
            (self.pki / "CERT_CI_ECDSA_NIST.der").read_bytes())))
        response = euicc.authenticate_server(init, None, self.server.smds_address)
        status, body = self.server.smds.call(ES11 + "authenticateClient", {
            "transactionId": init["transactionId"], "authenticateServerResponse": b64(response)})
        self.assertEqual("Executed-Success", status_of(body)[0], body)
        self.assertEqual([{"eventId": "EVENT-1", "rspServerAddress": self.server.smdp_address}], body["eventEntries"])
        self.assertTrue(self.download("EVENT-1").install().success)

    def test_smds_refuses_a_bad_signature(self):
        euicc = self.euicc()
        _, init = self.server.smds.call(ES11 + "initiateAuthentication", {
            "euiccChallenge": b64(euicc.new_challenge()), "euiccInfo1": b64(euicc.euicc_info1()),
            "smdsAddress": self.server.smds_address})
        response = bytearray(euicc.authenticate_server(init, None, self.server.smds_address))
        response[response.find(b"\x5f\x37\x40") + 5] ^= 1
        _, body = self.server.smds.call(ES11 + "authenticateClient", {
            "transactionId": init["transactionId"], "authenticateServerResponse": b64(bytes(response))})
        self.assertEqual(("Failed", "8.1", "6.1"), status_of(body))

    def test_log_redacts_matching_ids(self):
        self.download("NOTIFY-1").authenticate()
        log = self.server.stderr()
        self.assertIn("mid=NOTI...", log)
        self.assertNotIn("NOTIFY-1", log)
        self.assertNotIn("1234", log)


class InitiateInjectionTest(unittest.TestCase):
    """Injections on initiateAuthentication (no matching ID yet): a server of their own."""

    def test_http500_and_bad_server_signature(self):
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            pki = folder / "pki"
            subprocess.run([sys.executable, str(HERE.parent / "pki" / "make_test_pki.py"), str(pki)],
                           check=True, capture_output=True, timeout=60)
            server = ServerProcess(folder, pki, {"profiles": [
                profile("A", inject="bad-signature:serverSignature1", one_time=False),
                profile("B", inject="http500:initiateAuthentication")]}, "initiate")
            try:
                server.pki_oid = json.loads((pki / "pki.json").read_text())["smdp_oid"]
                euicc = SoftEuicc(pki)
                run = Download(self, server, euicc, "A")  # not armed: no injection
                self.assertTrue(run.install().success)
                self.assertEqual(200, server.smdp.request("POST", "/admin/arm", {"matching_id": "B"})[0])
                status, _ = server.smdp.call(ES9 + "initiateAuthentication", {
                    "euiccChallenge": b64(euicc.new_challenge()), "euiccInfo1": b64(euicc.euicc_info1()),
                    "smdpAddress": server.smdp_address})
                self.assertEqual(500, status)
                server.smdp.request("POST", "/admin/arm", {"matching_id": "A"})
                run = Download(self, server, euicc, None)  # the refusal never carries the matching ID
                body = run.authenticate()  # the eUICC refuses the corrupted serverSignature1
                self.assertEqual(("Failed", "8.1", "4.2"), status_of(body))
                session = server.session(run.tid)
                self.assertEqual(("card-refused", "A"), (session["state"], session["matching_id"]))
                self.assertEqual(400, server.smdp.request("POST", "/admin/arm", {"matching_id": "nope"})[0])
            finally:
                self.assertEqual(0, server.stop())


if __name__ == "__main__":
    unittest.main()
