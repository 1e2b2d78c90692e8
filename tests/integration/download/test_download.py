#!/usr/bin/env python3
"""End to end: `lpa download`, `lpa discover` and `lpa notifications process` in direct mode,
from the test SM-DP+/SM-DS (tests/rsp_servers, real HTTPS on loopback with the project's test
PKI) into the software eUICC behind a private pcscd (and once through the pty modem).

Every case checks what both sides are left with: the card's profiles and notifications, and the
server's sessions (none may stay open) and received notifications.
Arguments: LPA_BINARY VEUICC_BINARY SHARED_DIR SOURCE_DIR (given by ctest).
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

LPA, VEUICC, SHARED, SOURCE = (pathlib.Path(p).resolve() for p in sys.argv[1:5])
del sys.argv[1:5]
sys.path.insert(0, str(SOURCE / "tests" / "support" / "python"))
from card_stacks import Card  # noqa: E402
from rsp_stack import OPEN_STATES, Servers  # noqa: E402

UPP = SHARED / "upp"
PROFILES = {  # matching ID -> (UPP file, extra config)
    "PLAIN-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "CC-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {"confirmation_code": "4711"}),
    "CC-2": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {"confirmation_code": "4711"}),
    "CC-3": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {"confirmation_code": "4711"}),
    "QR-1": ("TS48V1-A-UNIQUE.der", {}),
    "STDIN-1": ("TS48V4-SAIP2-3-NOBERTLV-UNIQUE.der", {}),
    "ONCE-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "EXPIRED-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {"expired": True}),
    "EVENT-1": ("TS48V1-A-UNIQUE.der", {}),
    "HTTP500-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {"inject": "http500:getBoundProfilePackage"}),
    "DROP-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {"inject": "drop:getBoundProfilePackage"}),
    "BADSIG1-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {"inject": "bad-signature:serverSignature1"}),
    "BADSIG2-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {"inject": "bad-signature:smdpSignature2"}),
    "WRONGTID-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {"inject": "wrong-transaction-id:authenticateClient"}),
    "BADMAC-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {"inject": "bad-bpp-mac"}),
    "NOTIFY-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "OPS-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "AT-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "TLS-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
}
class DownloadSpec:
    """The download specification, for one way of reaching the card."""
    mode = "pcsc"

    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="lpad-download-"))
        cls.servers = Servers(cls.tmp, SOURCE, {mid: (UPP / upp, extra) for mid, (upp, extra) in PROFILES.items()},
                              events=["EVENT-1"])

    @classmethod
    def tearDownClass(cls):
        cls.servers.stop()
        shutil.rmtree(cls.tmp, True)

    def setUp(self):
        self.card_dir = pathlib.Path(tempfile.mkdtemp(prefix="card-", dir=self.tmp))
        self.card = Card(VEUICC, self.servers.pki, self.card_dir / "state.json", self.card_dir, self.mode)
        self.addCleanup(self.card.stop)
        self.card.wait_until_ready(LPA)

    # --- helpers -------------------------------------------------------------------------------
    def lpa(self, *args, stdin_text=None):
        return self.card.run(LPA, self.servers.lpa_server_args() + list(args), stdin_text=stdin_text)

    def lpa_json(self, *args, expect_status=0, stdin_text=None):
        result = self.lpa("--json", *args, stdin_text=stdin_text)
        self.assertEqual(result.returncode, expect_status, result.stdout + result.stderr)
        return json.loads(result.stdout)

    def error_code(self, *args, stdin_text=None):
        return self.lpa_json(*args, expect_status=1, stdin_text=stdin_text)["error"]["code"]

    def code(self, matching_id, cc_flag=False, host=None):
        return self.servers.activation_code(matching_id, cc_flag, host)

    def profiles(self):
        return self.lpa_json("list")["profiles"]

    def pending(self):
        return self.lpa_json("notifications", "list")["notifications"]

    def assert_no_open_session(self, matching_id):
        states = [s["state"] for s in self.servers.sessions(matching_id)]
        self.assertTrue(states, "the server saw no session for " + matching_id)
        self.assertFalse(OPEN_STATES & set(states), f"sessions left open at the SM-DP+: {states}")

    def assert_nothing_installed(self):
        self.assertEqual(self.profiles(), [])
        self.assertEqual(self.pending(), [])

    def cancel_reasons(self, matching_id):
        return self.servers.cancel_reasons(matching_id)

    # --- the specification ----------------------------------------------------------------------
    def test_download_from_an_activation_code_installs_and_notifies(self):
        doc = self.lpa_json("download", "--yes", self.code("PLAIN-1"))
        self.assertEqual(doc["profile"]["profile_name"], "Test PLAIN-1")
        self.assertTrue(doc["notification"]["delivered"])
        self.assertEqual([(p["iccid"], p["state"]) for p in self.profiles()], [(doc["profile"]["iccid"], "disabled")])
        self.assertEqual(self.pending(), [])
        self.assertEqual([s["state"] for s in self.servers.sessions("PLAIN-1")], ["installed"])
        received = [n for n in self.servers.admin()["notifications"] if n["iccid"] == doc["profile"]["iccid"]]
        self.assertTrue(any(n["operation"] == "install" and n["result"] == "success" and n["verified"] for n in received))


class DownloadThroughPcsc(DownloadSpec, unittest.TestCase):
    mode = "pcsc"

    def test_download_with_the_right_confirmation_code(self):
        doc = self.lpa_json("download", "--yes", "--confirmation-code", "4711", self.code("CC-1", cc_flag=True))
        self.assertEqual(doc["profile"]["profile_name"], "Test CC-1")
        self.assertEqual([s["state"] for s in self.servers.sessions("CC-1")], ["installed"])

    def test_wrong_confirmation_code_is_refused_and_leaves_nothing_open(self):
        self.assertEqual(self.error_code("download", "--yes", "--confirmation-code", "0000", self.code("CC-2", cc_flag=True)),
                         "server.confirmation-code-refused")
        self.assert_no_open_session("CC-2")
        self.assert_nothing_installed()
        # The card holds no stale session: the right code works next.
        self.lpa_json("download", "--yes", "--confirmation-code", "4711", self.code("CC-2", cc_flag=True))

    def test_confirmation_code_needed_but_not_given_cancels_as_postponed(self):
        # The code does not announce it (no flag), the SM-DP+ asks, and there is no terminal.
        self.assertEqual(self.error_code("download", "--yes", self.code("CC-3")), "download.confirmation-code-needed")
        self.assertEqual(self.cancel_reasons("CC-3"), [1])
        self.assert_no_open_session("CC-3")
        self.assert_nothing_installed()

    def test_announced_confirmation_code_without_terminal_is_refused_before_any_exchange(self):
        self.assertEqual(self.error_code("download", "--yes", self.code("CC-3", cc_flag=True)), "invalid-argument")

    def test_no_consent_without_terminal_unless_yes(self):
        self.assertEqual(self.error_code("download", self.code("PLAIN-1")), "invalid-argument")

    def test_download_from_a_qr_image(self):
        if shutil.which("qrencode") is None:
            self.skipTest("qrencode is not installed")
        image = self.card_dir / "code.png"
        subprocess.run(["qrencode", "-o", str(image), "-s", "6", self.code("QR-1")], check=True)
        doc = self.lpa_json("download", "--yes", "--qr", str(image))
        self.assertEqual(doc["profile"]["profile_name"], "Test QR-1")

    def test_download_from_standard_input(self):
        doc = self.lpa_json("download", "--yes", "-", stdin_text=self.code("STDIN-1") + "\n")
        self.assertEqual(doc["profile"]["profile_name"], "Test STDIN-1")

    def test_used_one_time_code_is_refused(self):
        self.lpa_json("download", "--yes", self.code("ONCE-1"))
        self.lpa_json("delete", self.profiles()[0]["iccid"])
        self.assertEqual(self.error_code("download", "--yes", self.code("ONCE-1")), "server.matching-id-refused")
        self.assert_no_open_session("ONCE-1")

    def test_expired_code_is_refused(self):
        self.assertEqual(self.error_code("download", "--yes", self.code("EXPIRED-1")), "server.order-expired")
        self.assert_no_open_session("EXPIRED-1")
        self.assert_nothing_installed()

    def test_discovery_finds_the_event_and_downloads_it(self):
        doc = self.lpa_json("discover", "--smds", self.servers.smds)
        self.assertEqual([(e["event_id"], e["smdp_address"]) for e in doc["events"]], [("EVENT-1", self.servers.smdp)])
        doc = self.lpa_json("discover", "--smds", self.servers.smds, "--download", "--yes")
        self.assertEqual(doc["events"][0]["download"]["profile"]["profile_name"], "Test EVENT-1")
        self.assertEqual(len(self.profiles()), 1)

    def test_http_500_during_the_package_cancels_both_sessions(self):
        self.assertEqual(self.error_code("download", "--yes", self.code("HTTP500-1")), "https.http-status")
        self.assertEqual(self.cancel_reasons("HTTP500-1"), [127])
        self.assert_no_open_session("HTTP500-1")
        self.assert_nothing_installed()

    def test_connection_dropped_mid_package_cancels_both_sessions(self):
        self.assertEqual(self.error_code("download", "--yes", self.code("DROP-1")), "https.transport-failure")
        self.assert_no_open_session("DROP-1")
        self.assert_nothing_installed()

    def test_bad_server_signature_is_refused_by_the_card(self):
        # initiateAuthentication carries no matching ID: the server injects into the next one.
        self.servers.admin("POST", "/admin/arm", {"matching_id": "BADSIG1-1"})
        self.assertEqual(self.error_code("download", "--yes", self.code("BADSIG1-1")), "download.card-refused")
        self.assert_no_open_session("BADSIG1-1")
        self.assert_nothing_installed()

    def test_bad_binding_signature_is_refused_by_the_card(self):
        self.assertEqual(self.error_code("download", "--yes", self.code("BADSIG2-1")), "download.card-refused")
        self.assert_no_open_session("BADSIG2-1")
        self.assert_nothing_installed()

    def test_wrong_transaction_id_is_refused_and_cancelled(self):
        self.assertEqual(self.error_code("download", "--yes", self.code("WRONGTID-1")), "server.bad-response")
        self.assert_no_open_session("WRONGTID-1")
        self.assert_nothing_installed()

    def test_corrupted_package_fails_on_the_card_and_the_server_learns_it(self):
        self.assertEqual(self.error_code("download", "--yes", self.code("BADMAC-1")), "download.install-failed")
        self.assertEqual([s["state"] for s in self.servers.sessions("BADMAC-1")], ["install-failed"])
        self.assert_nothing_installed()

    def test_undelivered_install_notification_stays_until_processed(self):
        self.servers.admin("POST", "/admin/fail-next-notifications", {"count": 3})
        doc = self.lpa_json("download", "--yes", self.code("NOTIFY-1"))
        self.assertFalse(doc["notification"]["delivered"])
        self.assertEqual([n["operation"] for n in self.pending()], ["install"])
        processed = self.lpa_json("notifications", "process")["notifications"]
        self.assertEqual([(n["operation"], n["delivered"], n["removed"]) for n in processed], [("install", True, True)])
        self.assertEqual(self.pending(), [])
        self.assertEqual([s["state"] for s in self.servers.sessions("NOTIFY-1")], ["installed"])

    def test_enable_disable_and_delete_notify_the_smdp(self):
        iccid = self.lpa_json("download", "--yes", self.code("OPS-1"))["profile"]["iccid"]
        for command in (["enable", iccid], ["disable", iccid], ["delete", iccid]):
            doc = self.lpa_json(*command)
            self.assertTrue(all(n["delivered"] for n in doc["notifications"]), doc)
        received = [n["operation"] for n in self.servers.admin()["notifications"] if n["iccid"] == iccid]
        for operation in ("install", "enable", "disable", "delete"):
            self.assertIn(operation, received)
        self.assertEqual(self.pending(), [])

    def test_tls_with_an_untrusted_ca_is_refused(self):
        result = self.card.run(LPA, ["--json", "--resolve", f"smdp.test.lpad:{self.servers.smdp_port}:127.0.0.1",
                                     "download", "--yes", self.code("TLS-1")])
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertEqual(json.loads(result.stdout)["error"]["code"], "https.tls-untrusted")
        self.assertEqual(self.servers.sessions("TLS-1"), [])

    def test_tls_with_a_wrong_host_name_is_refused(self):
        code = self.code("TLS-1", host="wrong.test.lpad")
        result = self.lpa("--json", "--resolve", f"wrong.test.lpad:{self.servers.smdp_port}:127.0.0.1", "download", "--yes", code)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertEqual(json.loads(result.stdout)["error"]["code"], "https.tls-hostname-mismatch")
        self.assertEqual(self.servers.sessions("TLS-1"), [])


class DownloadThroughAtModem(DownloadSpec, unittest.TestCase):
    mode = "ccho"

    def test_download_from_an_activation_code_installs_and_notifies(self):
        doc = self.lpa_json("download", "--yes", self.code("AT-1"))
        self.assertTrue(doc["notification"]["delivered"])
        self.assertEqual([s["state"] for s in self.servers.sessions("AT-1")], ["installed"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
