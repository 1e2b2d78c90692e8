#!/usr/bin/env python3
"""lpad with ModemManager: the eUICC of a ModemManager modem (the software eUICC as a pty AT modem,
listed by tests/support/python/fake_modem_manager.py on the private bus), and the inhibition of the
modem around every piece of card work: held while lpad works, released afterwards, ended by
ModemManager when lpad dies.

Arguments: LPAD_BINARY LPA_BINARY VEUICC_BINARY SHARED_DIR SOURCE_DIR (given by ctest), then
unittest's own (a test name to run one).
Exit status 77 (ctest: skipped) when python3-dbus/python3-gi are missing.
"""
import pathlib
import shutil
import signal
import sys
import tempfile
import unittest

LPAD, LPA, VEUICC, SHARED, SOURCE = (pathlib.Path(p).resolve() for p in sys.argv[1:6])
del sys.argv[1:6]
sys.path.insert(0, str(SOURCE / "tests" / "support" / "python"))
SKIPPED = 77

try:
    import dbus  # noqa: E402
    from daemon_stack import (EUICC, JOB, MANAGER, MM_NAME, MM_PATH, MM_PORT_AT, MODEM_UID, ROOT, Binaries,  # noqa: E402
                              Client, DaemonStack, wait_until)
except ImportError as missing:
    print(f"SKIPPED: the daemon tests need python3-dbus and python3-gi ({missing})")
    sys.exit(SKIPPED)
from rsp_stack import Servers  # noqa: E402

BINARIES = Binaries(LPAD, LPA, VEUICC)
PROFILES = {"MM-CONSENT": (SHARED / "upp" / "TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {})}
ERROR = "org.lpad.Lpad1.Error."


class ModemManagerTestCase(unittest.TestCase):
    config_extra = None
    start_lpad = True

    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="lpad-mm-"))  # short: socket paths have a limit
        self.addCleanup(shutil.rmtree, self.tmp, True)
        (self.tmp / "servers").mkdir()
        self.servers = Servers(self.tmp / "servers", SOURCE, PROFILES)
        self.addCleanup(self.servers.stop)
        (self.tmp / "stack").mkdir()
        self.stack = DaemonStack(self.tmp / "stack", BINARIES, self.servers, self.config_extra, "ccho", modem_manager=True)
        self.addCleanup(self.stack.stop)
        self.addCleanup(self.show_logs_on_failure)
        self.client = self.stack.client
        self.mm = self.stack.modem_manager
        if self.start_lpad:
            self.stack.start_lpad()
            self.euicc = self.euiccs()[0]

    def show_logs_on_failure(self):
        outcome = self._outcome.result
        if outcome is not None and (outcome.failures or outcome.errors):
            sys.stderr.write(f"\n----- lpad's log -----\n{self.stack.lpad_log_text()}----- end -----\n")
            sys.stderr.write(f"----- fake ModemManager's calls -----\n{self.mm.calls()}\n----- end -----\n")

    def euiccs(self):
        return self.client.get(ROOT, MANAGER, "Euiccs")

    def modem_path(self):
        """Where the fake ModemManager exports the modem now ("/" while it does not)."""
        return self.mm.modems()[MODEM_UID]["path"]

    def wait_modem_property_current(self):
        """Until the eUICC's Modem names the modem's object of now (ModemManager re-creates it after
        each inhibition); returns that path."""
        def current():
            path = self.modem_path()
            return path != "/" and self.client.get(self.euicc, EUICC, "Modem") == path and path
        return wait_until(current, 10, "Euicc.Modem to name the modem's current object")

    def inhibitions(self):
        """The InhibitDevice calls so far as (inhibit, caller's pid, error)."""
        return [(c["inhibit"], c["pid"], c["error"]) for c in self.mm.calls() if c["uid"] == MODEM_UID]

    def wait_released(self):
        """Until the modem is no longer inhibited (lpad releases it after replying)."""
        wait_until(lambda: self.mm.modems()[MODEM_UID]["inhibited_by"] is None, 10, "the modem's inhibition to end")


class Discovery(ModemManagerTestCase):
    start_lpad = False

    def test_a_modem_added_to_modem_manager_shows_its_euicc_on_the_at_port_with_the_modem_object(self):
        self.mm.remove_modem(MODEM_UID)
        self.stack.start_lpad(expect_euicc=False)
        self.assertEqual(self.euiccs(), [])
        port = self.stack.modem_port()
        self.mm.add_modem(MODEM_UID, [("wwan0", 2), (port, MM_PORT_AT)], port)  # 2: a NET port, not for lpad
        self.euicc = wait_until(lambda: self.euiccs() and self.euiccs()[0], 20, "the modem's eUICC to appear")
        props = self.client.get_all(self.euicc, EUICC)
        self.assertEqual(props["Backend"], "at")
        self.assertEqual(props["Device"], "/dev/" + port)
        self.assertEqual(props["Eid"], self.servers.eid)
        self.wait_modem_property_current()
        # Finding the eUICC was card work too: the probe held the modem and let it go.
        self.assertEqual([(i, e) for i, _, e in self.inhibitions()], [(True, None), (False, None)])


class Inhibition(ModemManagerTestCase):

    def test_every_card_operation_is_bracketed_by_an_inhibition_from_lpad_and_the_euicc_stays(self):
        self.wait_released()
        before = self.wait_modem_property_current()
        self.mm.clear_calls()
        self.client.call(self.euicc, EUICC, "Refresh")
        self.wait_released()
        self.client.call(self.euicc, EUICC, "SetDefaultSmdp", "s", "smdp.example.test")
        self.wait_released()
        pid = self.stack.lpad_proc.pid
        self.assertEqual(self.inhibitions(), [(True, pid, None), (False, pid, None)] * 2)
        self.assertEqual(self.client.get(self.euicc, EUICC, "DefaultSmdpAddress"), "smdp.example.test")
        # The eUICC object stayed while ModemManager removed and re-created the modem; Modem followed.
        self.assertEqual(self.euiccs(), [self.euicc])
        self.assertFalse(self.client.signals_of(ROOT, "InterfacesRemoved"))
        after = self.wait_modem_property_current()
        self.assertNotEqual(after, before)
        modem_changes = [c["Modem"] for c in self.client.properties_changed(self.euicc, EUICC) if "Modem" in c]
        self.assertEqual(modem_changes[-1], after)

    def test_a_modem_another_client_inhibits_fails_the_call_with_card_unavailable(self):
        self.wait_released()
        other = Client(self.stack.bus.address)
        self.addCleanup(other.close)
        other.call(MM_PATH, MM_NAME, "InhibitDevice", "sb", MODEM_UID, True, destination=MM_NAME)
        with self.assertRaises(dbus.exceptions.DBusException) as refused:
            self.client.call(self.euicc, EUICC, "Refresh")
        self.assertEqual(refused.exception.get_dbus_name(), ERROR + "CardUnavailable")
        self.assertIn("daemon.modem-inhibit-refused", refused.exception.get_dbus_message())
        self.assertIn("org.freedesktop.ModemManager1.Error.Core.InProgress", refused.exception.get_dbus_message())
        self.assertEqual(self.euiccs(), [self.euicc])

    def test_a_download_waiting_for_consent_holds_the_modem_until_it_is_rejected(self):
        self.wait_released()
        self.mm.clear_calls()
        job = self.client.call(self.euicc, EUICC, "Download", "sa{sv}", self.servers.activation_code("MM-CONSENT"), {})
        self.client.wait_job(job, {"waiting-for-consent"})
        self.assertEqual(self.mm.modems()[MODEM_UID]["inhibited_by"] is not None, True)
        self.assertEqual([i for i, _, _ in self.inhibitions()], [True])
        self.client.call(job, JOB, "Reject")
        self.assertEqual(self.client.wait_job(job)["State"], "cancelled")
        self.wait_released()
        self.assertEqual([(i, e) for i, _, e in self.inhibitions()], [(True, None), (False, None)])


class TimedOut(ModemManagerTestCase):
    config_extra = {"daemon": {"consent_timeout_seconds": "2"}}

    def test_work_that_times_out_releases_the_modem(self):
        self.wait_released()
        self.mm.clear_calls()
        job = self.client.call(self.euicc, EUICC, "Download", "sa{sv}", self.servers.activation_code("MM-CONSENT"), {})
        props = self.client.wait_job(job)  # nobody answers the consent question
        self.assertEqual((props["State"], props["Error"].get("code")), ("cancelled", "job.answer-timeout"), props["Error"])
        self.wait_released()
        self.assertEqual([(i, e) for i, _, e in self.inhibitions()], [(True, None), (False, None)])


class Crash(ModemManagerTestCase):

    def test_a_killed_daemon_loses_its_inhibition_and_a_restarted_one_finds_the_modem_again(self):
        job = self.client.call(self.euicc, EUICC, "Download", "sa{sv}", self.servers.activation_code("MM-CONSENT"), {})
        self.client.wait_job(job, {"waiting-for-consent"})
        killed = self.stack.lpad_proc.pid
        self.assertEqual(self.mm.calls()[-1]["inhibit"], True)
        self.stack.lpad_proc.send_signal(signal.SIGKILL)
        self.stack.lpad_proc.wait(timeout=10)
        vanished = wait_until(lambda: [c for c in self.mm.calls() if c.get("vanished")], 10,
                              "the fake ModemManager to end the inhibition of the vanished client")
        self.assertEqual([(c["uid"], c["pid"]) for c in vanished], [(MODEM_UID, killed)])
        self.stack.start_lpad()
        self.euicc = self.euiccs()[0]
        self.assertEqual(self.client.get(self.euicc, EUICC, "Backend"), "at")
        self.wait_modem_property_current()


class Unplug(ModemManagerTestCase):

    def test_a_modem_unplugged_from_modem_manager_takes_its_euicc_away(self):
        self.wait_released()
        port = pathlib.Path(self.client.get(self.euicc, EUICC, "Device"))
        self.stack.card.stop()  # the pty goes with the software eUICC, as a USB modem's ports do
        wait_until(lambda: not port.exists(), 10, f"{port} to go")
        self.mm.remove_modem(MODEM_UID)
        wait_until(lambda: self.euiccs() == [], 20, "the eUICC to go away")
        removed = [s for s in self.client.signals_of(ROOT, "InterfacesRemoved") if s[3][0] == self.euicc]
        self.assertTrue(removed, "no InterfacesRemoved for the eUICC of the unplugged modem")


class SwitchedOff(ModemManagerTestCase):
    config_extra = {"devices": {"modem_manager": "no"}}
    start_lpad = False

    def test_modem_manager_no_leaves_modem_manager_and_its_modems_alone(self):
        self.stack.start_lpad(expect_euicc=False)
        self.client.call(ROOT, MANAGER, "Rescan")
        self.assertEqual(self.euiccs(), [])
        self.assertEqual(self.mm.calls(), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
