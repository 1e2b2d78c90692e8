#!/usr/bin/env python3
"""lpad's life around the D-Bus API: eUICCs that come and go (PC/SC hot-plug), a daemon killed in
the middle of a download and started again (nothing left open, every notification delivered), and
the exit after an idle period that D-Bus activation relies on. Same stack as test_daemon.py: a
private system-like bus, the stand-in polkit authority, the software eUICC behind a private pcscd
(with a spare reader for a second card), the test SM-DP+ over loopback HTTPS.

Arguments: LPAD_BINARY LPA_BINARY VEUICC_BINARY SHARED_DIR SOURCE_DIR (given by ctest).
Exit status 77 (ctest: skipped) when python3-dbus/python3-gi are missing.
"""
import json
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

LPAD, LPA, VEUICC, SHARED, SOURCE = (pathlib.Path(p).resolve() for p in sys.argv[1:6])
del sys.argv[1:6]
sys.path.insert(0, str(SOURCE / "tests" / "support" / "python"))
SKIPPED = 77

try:
    from daemon_stack import EUICC, MANAGER, ROOT, Binaries, DaemonStack, wait_until  # noqa: E402
except ImportError as missing:
    print(f"SKIPPED: the daemon tests need python3-dbus and python3-gi ({missing})")
    sys.exit(SKIPPED)
from rsp_stack import CANCEL_POSTPONED, Servers  # noqa: E402

BINARIES = Binaries(LPAD, LPA, VEUICC)
UPP = SHARED / "upp"
PROFILES = {
    "CRASH-NOTE": (UPP / "TS48V1-A-UNIQUE.der", {}),
    "CRASH-1": (UPP / "TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
}
SECOND_EID = "89001012012341234012345678909954"


class LifecycleTestCase(unittest.TestCase):
    config_extra = None
    card_mode = "pcsc"

    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="lpad-lc-"))  # short: socket paths have a limit
        self.addCleanup(shutil.rmtree, self.tmp, True)
        (self.tmp / "servers").mkdir()
        self.servers = Servers(self.tmp / "servers", SOURCE, PROFILES)
        self.addCleanup(self.servers.stop)
        (self.tmp / "stack").mkdir()
        self.stack = DaemonStack(self.tmp / "stack", BINARIES, self.servers, self.config_extra, self.card_mode)
        self.addCleanup(self.stack.stop)
        self.addCleanup(self.show_log_on_failure)

    def show_log_on_failure(self):
        """Cleanup: lpad's log, when the test failed (what it did is the clue)."""
        outcome = self._outcome.result
        if outcome is not None and (outcome.failures or outcome.errors):
            sys.stderr.write(f"\n----- lpad's log -----\n{self.stack.lpad_log_text()}----- end -----\n")

    def euiccs(self):
        return self.stack.client.get(ROOT, MANAGER, "Euiccs")


class HotPlug(LifecycleTestCase):

    def test_an_euicc_put_into_a_reader_appears_and_goes_when_taken_out(self):
        self.stack.start_lpad()
        client = self.stack.client
        self.assertEqual(len(self.euiccs()), 1)
        pki = self.tmp / "second-pki"
        subprocess.run([sys.executable, str(SOURCE / "tests" / "pki" / "make_test_pki.py"), "--eid", SECOND_EID, str(pki)],
                       check=True, capture_output=True)
        card = self.stack.card.insert_card(pki, self.tmp / "second-state.json", self.tmp / "second-veuicc.log")
        paths = wait_until(lambda: len(self.euiccs()) == 2 and self.euiccs(), 30, "the second eUICC to appear")
        second = next(p for p in paths if client.get(p, EUICC, "Eid") == SECOND_EID)
        self.assertEqual(client.get(second, EUICC, "Device"), "lpad veuicc 00 01")
        self.assertEqual(client.get(second, EUICC, "Backend"), "pcsc")

        card.send_signal(signal.SIGTERM)
        card.wait(timeout=10)
        wait_until(lambda: len(self.euiccs()) == 1, 30, "the second eUICC to go away")
        removed = [s for s in client.signals_of(ROOT, "InterfacesRemoved") if s[3][0] == second]
        self.assertTrue(removed, "no InterfacesRemoved for the eUICC taken out")
        self.assertEqual(client.get(self.euiccs()[0], EUICC, "Eid"), self.servers.eid)


class CrashRecovery(LifecycleTestCase):
    """On the pty modem: pcscd resets a card whose client died (its sessions go with the reset), a
    modem does not, so the eUICC still holds the session the restarted daemon must cancel."""
    config_extra = {"daemon": {"consent_timeout_seconds": "120"}}
    card_mode = "ccho"

    def test_a_daemon_killed_mid_download_cancels_the_session_and_sends_notifications_when_restarted(self):
        # A pending notification on the card, as after an operation whose SM-DP+ was unreachable.
        self.stack.lpa_direct("--json", "download", "--yes", self.servers.activation_code("CRASH-NOTE"))
        iccid = json.loads(self.stack.lpa_direct("--json", "list"))["profiles"][0]["iccid"]
        self.stack.lpa_direct("--no-notify", "enable", iccid)
        self.stack.start_lpad()
        client = self.stack.client
        euicc = self.euiccs()[0]
        self.assertEqual(len(client.call(euicc, EUICC, "ListNotifications")), 1)

        job = client.call(euicc, EUICC, "Download", "sa{sv}", self.servers.activation_code("CRASH-1"), {})
        client.wait_job(job, {"waiting-for-consent"})
        self.assertEqual(len(self.servers.open_sessions("CRASH-1")), 1)
        journal = list((self.tmp / "stack" / "lpad-state").glob("download-*.json"))
        self.assertEqual(len(journal), 1, "the open download is not journalled")

        self.stack.lpad_proc.send_signal(signal.SIGKILL)
        self.stack.lpad_proc.wait(timeout=10)
        self.stack.start_lpad()
        client = self.stack.client
        euicc = self.euiccs()[0]

        wait_until(lambda: not self.servers.open_sessions("CRASH-1"), 60, "the SM-DP+ session to be cancelled")
        self.assertEqual(self.servers.cancel_reasons("CRASH-1"), [CANCEL_POSTPONED])
        wait_until(lambda: not client.call(euicc, EUICC, "ListNotifications"), 60, "the pending notification to be sent")
        received = [n for n in self.servers.admin()["notifications"] if n["operation"] == "enable"]
        self.assertEqual(len(received), 1)
        self.assertFalse(list((self.tmp / "stack" / "lpad-state").glob("download-*.json")), "the journal entry stayed")
        self.assertEqual(len(client.get(euicc, EUICC, "Profiles")), 1, "only the profile installed before the crash")


class Instances(LifecycleTestCase):

    def test_a_second_daemon_on_the_same_bus_says_so_and_exits(self):
        self.stack.start_lpad()
        second = subprocess.run([str(LPAD), "--config", str(self.tmp / "stack" / "lpad.conf"), "--state-dir", str(self.tmp / "s2")],
                                env=self.stack.bus.env(self.stack.card.env), capture_output=True, text=True, timeout=60)
        self.assertEqual(second.returncode, 1, second.stderr)
        self.assertIn("another lpad", second.stderr)
        self.assertIsNone(self.stack.lpad_proc.poll(), "the first daemon keeps serving")

    def test_sighup_ends_the_daemon_in_order(self):
        self.stack.start_lpad()
        self.stack.lpad_proc.send_signal(signal.SIGHUP)
        self.assertEqual(self.stack.lpad_proc.wait(timeout=30), 0)


class IdleExit(LifecycleTestCase):
    config_extra = {"daemon": {"idle_exit_seconds": "2"}}

    def test_an_idle_daemon_exits_cleanly_for_dbus_activation_to_restart(self):
        started = time.monotonic()
        self.stack.start_lpad()
        status = self.stack.lpad_proc.wait(timeout=30)
        self.assertEqual(status, 0)
        self.assertGreaterEqual(time.monotonic() - started, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
