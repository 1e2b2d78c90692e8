#!/usr/bin/env python3
"""lpad end to end on D-Bus, as docs/dbus-api.md specifies it: the daemon on a private system-like
bus (tests/support/python/private_bus.py), the software eUICC behind a private pcscd, the test
SM-DP+/SM-DS over loopback HTTPS, and python3-dbus clients (and busctl) calling it.

Authorisation is answered by a stand-in polkit authority (tests/support/python/polkit_authority.py),
not by polkitd: the real polkitd needs root, the machine's polkit configuration and logind's
sessions (active/inactive, local), which neither a developer's test run nor CI has; the stand-in
implements CheckAuthorization with polkitd's signature, answers "admin" (every action yes) or
"unprivileged" (polkit's defaults for a caller in no active session: org.lpad.Lpad1.read yes,
everything else no) per caller, and records every check so the tests see which action lpad asked
about and for which subject.

Each class starts its own stack (bus, authority, card, lpad) once; the servers are shared by all.
Arguments: LPAD_BINARY LPA_BINARY VEUICC_BINARY SHARED_DIR SOURCE_DIR (given by ctest).
Exit status 77 (ctest: skipped) when lpad is not built or python3-dbus/python3-gi are missing.
"""
import json
import os
import pathlib
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

LPAD, LPA, VEUICC, SHARED, SOURCE = (pathlib.Path(p).resolve() for p in sys.argv[1:6])
del sys.argv[1:6]
sys.path.insert(0, str(SOURCE / "tests" / "support" / "python"))
SKIPPED = 77

try:
    import dbus  # noqa: E402
    from daemon_stack import (BUS_NAME, EUICC, FINAL_JOB_STATES, JOB, MANAGER, OBJECT_MANAGER, PROFILE, ROOT,  # noqa: E402
                              AuthorityProcess, Binaries, Client, DaemonStack, wait_until)
    from private_bus import PrivateBus  # noqa: E402
except ImportError as missing:
    print(f"SKIPPED: the daemon tests need python3-dbus and python3-gi for {sys.executable} ({missing})")
    sys.exit(SKIPPED)
from rsp_stack import CANCEL_END_USER_REJECTION, CANCEL_POSTPONED, CANCEL_TIMEOUT, Servers, upp_with_iccid  # noqa: E402

LPAD_MISSING = None if LPAD.is_file() else f"lpad is not built: {LPAD} does not exist"
BINARIES = Binaries(LPAD, LPA, VEUICC)
UPP = SHARED / "upp"
ERROR = "org.lpad.Lpad1.Error."
CONFIRMATION_CODE = "4711"

# Matching ID -> (TS.48 UPP it is made from, extra order configuration). Each gets its own ICCID
# (ICCIDS) so that any number of them fit on one card.
PROFILES = {
    "OBJ-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "OPS-A": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "OPS-B": ("TS48V1-A-UNIQUE.der", {}),
    "OPS-C": ("TS48V4-SAIP2-3-NOBERTLV-UNIQUE.der", {}),
    "JOB-ACCEPT": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "JOB-CONSENT": ("TS48V1-A-UNIQUE.der", {}),
    "JOB-REJECT": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "JOB-CC": ("TS48V4-SAIP2-3-NOBERTLV-UNIQUE.der", {"confirmation_code": CONFIRMATION_CODE}),
    "JOB-OWNER": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "JOB-BUSY": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "JOB-NOTIFY": ("TS48V1-A-UNIQUE.der", {}),
    "JOB-TIMEOUT": ("TS48V1-A-UNIQUE.der", {}),
    "JOB-EVENT": ("TS48V1-A-UNIQUE.der", {}),
    "AUTH-1": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "LPA-1": ("TS48V1-A-UNIQUE.der", {}),
    "LPA-DL": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "LPA-KILLED": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "LPA-CONSENT": ("TS48V1-A-UNIQUE.der", {}),
    "LPA-CC": ("TS48V4-SAIP2-3-NOBERTLV-UNIQUE.der", {"confirmation_code": CONFIRMATION_CODE}),
    "LPA-NOTIFY": ("TS48V1-A-UNIQUE.der", {}),
    "AUTH-DL": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "AUTH-OWNER": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
    "AUTH-CANCEL": ("TS48V2-SAIP2-1-BERTLV-UNIQUE.der", {}),
}
ICCIDS = {mid: f"89494499999999{10001 + i:05d}" for i, mid in enumerate(PROFILES)}
EVENTS = ["JOB-EVENT"]

_servers = {}


def shared_servers():
    """The test SM-DP+/SM-DS, started on first use and shared by every class."""
    if not _servers:
        tmp = pathlib.Path(tempfile.mkdtemp(prefix="lpad-daemon-servers-"))
        (tmp / "upp").mkdir()
        profiles = {mid: (upp_with_iccid(UPP / upp, ICCIDS[mid], tmp / "upp" / f"{mid}.der"), extra)
                    for mid, (upp, extra) in PROFILES.items()}
        _servers["tmp"] = tmp
        _servers["servers"] = Servers(tmp, SOURCE, profiles, events=EVENTS)
    return _servers["servers"]


def tearDownModule():  # noqa: N802
    if _servers:
        _servers["servers"].stop()
        shutil.rmtree(_servers["tmp"], True)


def contract_shapes(xml_text):
    """{interface: {(kind, name): shape}} of the non-standard interfaces of an introspection XML:
    methods by their arguments' (direction, type), signals by their argument types, properties by
    (type, access). Argument names and annotations are left out (Method.Async is the generator's)."""
    shapes = {}
    for interface in ET.fromstring(xml_text).findall("interface"):
        name = interface.get("name")
        if name.startswith("org.freedesktop.DBus."):
            continue
        members = {}
        for method in interface.findall("method"):
            members[("method", method.get("name"))] = tuple((a.get("direction", "in"), a.get("type"))
                                                            for a in method.findall("arg"))
        for sig in interface.findall("signal"):
            members[("signal", sig.get("name"))] = tuple(a.get("type") for a in sig.findall("arg"))
        for prop in interface.findall("property"):
            members[("property", prop.get("name"))] = (prop.get("type"), prop.get("access"))
        shapes[name] = members
    return shapes


def emits_changed(xml_text):
    """{(interface, property): EmitsChangedSignal annotation value ("true" when absent)}."""
    found = {}
    for interface in ET.fromstring(xml_text).findall("interface"):
        if interface.get("name").startswith("org.freedesktop.DBus."):
            continue
        for prop in interface.findall("property"):
            values = [a.get("value") for a in prop.findall("annotation")
                      if a.get("name") == "org.freedesktop.DBus.Property.EmitsChangedSignal"]
            found[(interface.get("name"), prop.get("name"))] = values[0] if values else "true"
    return found


def contract_xml(interface):
    return (SOURCE / "dbus_api" / f"{interface}.xml").read_text()


@unittest.skipIf(LPAD_MISSING, LPAD_MISSING)
class DaemonTestCase(unittest.TestCase):
    """One stack per class: `preinstall` profiles are downloaded with `lpa --direct` before lpad starts."""
    preinstall = ()
    config_extra = None

    @classmethod
    def setUpClass(cls):
        cls.servers = shared_servers()
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix=f"lpad-daemon-{cls.__name__}-"))
        cls.stack = DaemonStack(cls.tmp, BINARIES, cls.servers, cls.config_extra)
        try:
            for mid in cls.preinstall:
                cls.stack.lpa_direct("--json", "download", "--yes", cls.servers.activation_code(mid))
            cls.card_info = json.loads(cls.stack.lpa_direct("--json", "info"))
            cls.card_profiles = json.loads(cls.stack.lpa_direct("--json", "list"))["profiles"]
            cls.stack.start_lpad()
            cls.client = cls.stack.client
            cls.euicc = cls.client.get(ROOT, MANAGER, "Euiccs")[0]
        except BaseException:
            cls.stack.stop()
            shutil.rmtree(cls.tmp, True)
            raise

    @classmethod
    def tearDownClass(cls):
        cls.stack.stop()
        shutil.rmtree(cls.tmp, True)

    def setUp(self):
        # A test that killed lpad must not take the rest of the class with it: start it again.
        problem = self.stack.lpad_problem()
        if problem is not None:
            sys.stderr.write(f"\n{problem}: starting it again for {self.id()}\n")
            self.stack.restart_lpad()
            type(self).euicc = self.client.get(ROOT, MANAGER, "Euiccs")[0]

    def run(self, result=None):
        """Shows lpad's log of a test that failed (what it logged while the test ran), and whether lpad died."""
        stack = getattr(type(self), "stack", None)
        offset = stack.lpad_log_size() if stack else 0
        before = len(result.failures) + len(result.errors) if result is not None else 0
        outcome = super().run(result)
        if result is not None and stack is not None and len(result.failures) + len(result.errors) > before:
            problem = stack.lpad_problem()
            died = f"{problem} (after this test)\n" if problem is not None else ""
            sys.stderr.write(f"\n----- lpad's log during {self.id()} -----\n{stack.lpad_log_text(offset)}{died}"
                             "----- end of lpad's log -----\n")
        return outcome

    # --- helpers -------------------------------------------------------------------------------
    def profile_path(self, mid):
        return f"{self.euicc}/profile/{ICCIDS[mid]}"

    def code(self, mid, cc_flag=False):
        return self.servers.activation_code(mid, cc_flag)

    def download(self, mid, client=None, cc_flag=False, **options):
        return (client or self.client).call(self.euicc, EUICC, "Download", "sa{sv}", self.code(mid, cc_flag), options)

    def assert_dbus_error(self, name, function, *args, **kwargs):
        """Calls function(*args, **kwargs), which must fail with the D-Bus error `name`; returns the exception."""
        try:
            reply = function(*args, **kwargs)
        except dbus.exceptions.DBusException as e:
            self.assertEqual(e.get_dbus_name(), name, f"the call failed, but with {e.get_dbus_name()}: {e.get_dbus_message()}")
            return e
        self.fail(f"the call succeeded (reply {reply!r}) where {name} was expected")

    def cancel_if_running(self, job):
        """Cleanup: leaves no job holding the card for the next test."""
        try:
            if self.client.get(job, JOB, "State") not in FINAL_JOB_STATES:
                self.client.call(job, JOB, "Cancel")
            self.client.wait_job(job)
        except dbus.exceptions.DBusException:
            pass  # gone already, or lpad is: nothing holds the card

    def assert_session_closed_at_smdp(self, mid, reason):
        """The SM-DP+ saw the session and it was cancelled with `reason` (SGP.22 CancelSessionReason)."""
        wait_until(lambda: self.servers.sessions(mid) and not self.servers.open_sessions(mid), 10,
                   f"the SM-DP+ session of {mid} to be closed (sessions: {self.servers.sessions(mid)})")
        self.assertEqual(self.servers.cancel_reasons(mid), [reason], self.servers.sessions(mid))

    def busctl(self, *args):
        return subprocess.run(["busctl", "--timeout=120", *args], env=self.stack.bus.env(), capture_output=True,
                              text=True, timeout=130)


class ReadingTheEuicc(DaemonTestCase):
    """What lpad shows of a card that holds one profile; nothing here changes the card."""
    preinstall = ("OBJ-1",)

    def test_object_manager_lists_the_manager_the_euicc_and_its_profile(self):
        # The manager's own object is not among them: GetManagedObjects returns the objects below it.
        objects = self.client.managed_objects()
        self.assertRegex(self.euicc, r"^/org/lpad/Lpad1/euicc/\d+$")
        self.assertEqual(self.client.get(ROOT, MANAGER, "Euiccs"), [self.euicc])
        self.assertEqual(objects[self.euicc][EUICC]["Eid"], self.servers.eid)
        profiles = sorted(path for path, interfaces in objects.items() if PROFILE in interfaces)
        self.assertEqual(profiles, [self.profile_path("OBJ-1")])
        self.assertEqual(objects[self.profile_path("OBJ-1")][PROFILE]["Iccid"], ICCIDS["OBJ-1"])
        self.assertEqual(objects[self.euicc][EUICC]["Profiles"], profiles)

    def test_euicc_properties_are_those_of_the_card(self):
        props = self.client.get_all(self.euicc, EUICC)
        info2, addresses = self.card_info["euicc_info2"], self.card_info["configured_addresses"]
        self.assertEqual(props["Eid"], self.servers.eid)  # the test PKI's pki.json
        self.assertEqual(props["Eid"], self.card_info["eid"])
        self.assertEqual(props["Backend"], "pcsc")
        self.assertEqual(props["Device"], "lpad veuicc 00 00")
        self.assertEqual(props["Modem"], "/")
        self.assertEqual(props["Svn"], info2["svn"])
        self.assertEqual(props["FirmwareVersion"], info2["firmware_version"])
        self.assertEqual(props["FreeNvm"], info2["free_nvm"])
        self.assertEqual(props["FreeRam"], info2["free_ram"])
        self.assertEqual(props["DefaultSmdpAddress"], addresses["default_smdp_address"] or "")
        self.assertEqual(props["RootSmdsAddress"], addresses["root_smds_address"] or "")
        ci_pkid = json.loads((self.servers.pki / "pki.json").read_text())["ci_pkid"].upper()
        self.assertEqual(props["CiPkids"], [ci_pkid])
        self.assertEqual(props["Profiles"], [self.profile_path("OBJ-1")])

    def test_profile_properties_are_those_of_the_card(self):
        card = self.card_profiles[0]
        props = self.client.get_all(self.profile_path("OBJ-1"), PROFILE)
        self.assertEqual(props, {
            "Euicc": self.euicc, "Iccid": ICCIDS["OBJ-1"], "IsdpAid": card["isdp_aid"], "State": card["state"],
            "Nickname": "", "ServiceProviderName": "lpad test operator", "ProfileName": "Test OBJ-1",
            "ProfileClass": card["profile_class"], "IconType": "", "Icon": [], "PolicyRules": []})

    def test_manager_version_is_major_minor_patch(self):
        self.assertRegex(self.client.get(ROOT, MANAGER, "Version"), r"^\d+\.\d+\.\d+$")

    def introspect_each_object(self):
        """(path, busctl's introspection XML, the contract interface) of one object of each kind."""
        job = self.client.call(self.euicc, EUICC, "Discover", "a{sv}", {"smds": self.servers.smds})
        self.addCleanup(self.client.wait_job, job)
        objects = {ROOT: "org.lpad.Lpad1.Manager", self.euicc: "org.lpad.Lpad1.Euicc",
                   self.profile_path("OBJ-1"): "org.lpad.Lpad1.Profile", job: "org.lpad.Lpad1.Job"}
        for path, interface in objects.items():
            result = self.busctl("--xml-interface", "introspect", BUS_NAME, path)
            self.assertEqual(result.returncode, 0, f"busctl introspect {path}: {result.stderr}")
            yield path, result.stdout, contract_xml(interface)

    def test_introspection_of_each_object_matches_the_contract_xml(self):
        for path, served, contract in self.introspect_each_object():
            with self.subTest(path=path):
                self.assertEqual(contract_shapes(served), contract_shapes(contract))
                if path == ROOT:
                    self.assertIn(OBJECT_MANAGER, {i.get("name") for i in ET.fromstring(served).findall("interface")})

    def test_introspection_announces_which_properties_are_const_or_only_invalidated(self):
        for path, served, contract in self.introspect_each_object():
            with self.subTest(path=path):
                self.assertEqual(emits_changed(served), emits_changed(contract))

    def test_unknown_option_is_invalid_argument(self):
        self.assert_dbus_error(ERROR + "InvalidArgument", self.download, "OBJ-1", no_such_option=True)

    def test_malformed_activation_code_is_activation_code_invalid(self):
        error = self.assert_dbus_error(ERROR + "ActivationCodeInvalid", self.client.call, self.euicc, EUICC, "Download",
                                       "sa{sv}", "LPA:1$", {})
        # The message begins with the error code (errc_name), then ':' or a space.
        self.assertRegex(error.get_dbus_message(), r"^activation-code\.[a-z-]+[: ]")

    def test_an_object_that_does_not_exist_is_unknown_object(self):
        self.assert_dbus_error("org.freedesktop.DBus.Error.UnknownObject", self.client.get,
                               f"{self.euicc}/profile/8949449999999999999", PROFILE, "State")


class ChangingProfiles(DaemonTestCase):
    """Enable, Disable, SetNickname and Delete: the properties and the signals a mirror needs. Three
    profiles (a download through lpa costs seconds): each test first puts the one it uses in the state
    it needs, whatever order the tests run in."""
    preinstall = ("OPS-A", "OPS-B", "OPS-C")

    def put_in_state(self, path, state):
        if self.client.get(path, PROFILE, "State") != state:
            self.client.call(path, PROFILE, "Enable" if state == "enabled" else "Disable", "a{sv}", {})

    def wait_changed(self, path, prop, value):
        wait_until(lambda: any(changed.get(prop) == value for changed in self.client.properties_changed(path, PROFILE)),
                   10, f"PropertiesChanged of {path} with {prop} = {value!r}")

    def test_enable_enables_the_profile_and_emits_properties_changed(self):
        path = self.profile_path("OPS-A")
        self.put_in_state(path, "disabled")
        self.client.call(path, PROFILE, "Enable", "a{sv}", {})
        self.assertEqual(self.client.get(path, PROFILE, "State"), "enabled")
        self.wait_changed(path, "State", "enabled")

    def test_disable_disables_the_profile_and_emits_properties_changed(self):
        path = self.profile_path("OPS-B")
        self.put_in_state(path, "enabled")
        self.client.call(path, PROFILE, "Disable", "a{sv}", {})
        self.assertEqual(self.client.get(path, PROFILE, "State"), "disabled")
        self.wait_changed(path, "State", "disabled")

    def test_set_nickname_changes_the_nickname_and_emits_properties_changed(self):
        path = self.profile_path("OPS-B")
        self.client.call(path, PROFILE, "SetNickname", "s", "Work phone")
        self.assertEqual(self.client.get(path, PROFILE, "Nickname"), "Work phone")
        self.wait_changed(path, "Nickname", "Work phone")

    def test_delete_removes_the_object_with_interfaces_removed(self):
        path = self.profile_path("OPS-C")
        self.client.call(path, PROFILE, "Delete", "a{sv}", {})
        wait_until(lambda: any(s[3][0] == path and PROFILE in s[3][1]
                               for s in self.client.signals_of(ROOT, "InterfacesRemoved")),
                   10, f"InterfacesRemoved of {path}")
        self.assertNotIn(path, self.client.managed_objects())
        self.assertNotIn(path, self.client.get(self.euicc, EUICC, "Profiles"))
        self.assert_dbus_error("org.freedesktop.DBus.Error.UnknownObject", self.client.get, path, PROFILE, "State")

    def test_set_default_smdp_changes_the_property_and_emits_properties_changed(self):
        self.client.call(self.euicc, EUICC, "SetDefaultSmdp", "s", self.servers.smdp)
        self.addCleanup(self.client.call, self.euicc, EUICC, "SetDefaultSmdp", "s", "")
        self.assertEqual(self.client.get(self.euicc, EUICC, "DefaultSmdpAddress"), self.servers.smdp)
        wait_until(lambda: any(c.get("DefaultSmdpAddress") == self.servers.smdp
                               for c in self.client.properties_changed(self.euicc, EUICC)),
                   10, f"PropertiesChanged of {self.euicc} with DefaultSmdpAddress")

    def test_enabling_an_enabled_profile_is_profile_wrong_state(self):
        path = self.profile_path("OPS-A")
        self.put_in_state(path, "enabled")
        error = self.assert_dbus_error(ERROR + "ProfileWrongState", self.client.call, path, PROFILE, "Enable", "a{sv}", {})
        self.assertTrue(error.get_dbus_message().startswith("es10.profile-wrong-state"), error.get_dbus_message())


class DownloadJobs(DaemonTestCase):
    """Download, Discover and ProcessNotifications jobs through their states. Short consent timeout and
    job linger, so that both can be seen ending."""
    config_extra = {"daemon": {"consent_timeout_seconds": "5", "job_linger_seconds": "5"}}

    def test_download_with_accept_succeeds_and_the_profile_object_appears(self):
        job = self.download("JOB-ACCEPT", accept=True)
        self.assertRegex(job, r"^/org/lpad/Lpad1/job/\d+$")
        props = self.client.wait_job(job)
        self.assertEqual(props["State"], "succeeded", props["Error"])
        self.assertEqual((props["Kind"], props["Euicc"]), ("download", self.euicc))
        path = self.profile_path("JOB-ACCEPT")
        self.assertEqual((props["Result"]["profile"], props["Result"]["iccid"]), (path, ICCIDS["JOB-ACCEPT"]))
        wait_until(lambda: any(s[3][0] == path and PROFILE in s[3][1] for s in self.client.signals_of(ROOT, "InterfacesAdded")),
                   10, f"InterfacesAdded of {path}")
        self.assertEqual(self.client.get(path, PROFILE, "ProfileName"), "Test JOB-ACCEPT")
        self.assertIn(path, self.client.get(self.euicc, EUICC, "Profiles"))
        self.assertEqual([s["state"] for s in self.servers.sessions("JOB-ACCEPT")], ["installed"])

    def test_download_waits_for_consent_and_accept_completes_it(self):
        job = self.download("JOB-CONSENT")
        self.addCleanup(self.cancel_if_running, job)
        props = self.client.wait_job(job, {"waiting-for-consent"})
        self.assertEqual(props["ProfileMetadata"].get("profile_name"), "Test JOB-CONSENT")
        self.assertEqual(props["ProfileMetadata"].get("iccid"), ICCIDS["JOB-CONSENT"])
        self.client.call(job, JOB, "Accept")
        props = self.client.wait_job(job)
        self.assertEqual(props["State"], "succeeded", props["Error"])
        self.assertEqual(props["Result"]["profile"], self.profile_path("JOB-CONSENT"))

    def test_reject_cancels_the_download_on_card_and_smdp(self):
        job = self.download("JOB-REJECT")
        self.addCleanup(self.cancel_if_running, job)
        self.client.wait_job(job, {"waiting-for-consent"})
        self.client.call(job, JOB, "Reject")
        props = self.client.wait_job(job)
        self.assertEqual(props["State"], "cancelled")
        self.assertEqual((props["Error"].get("name"), props["Error"].get("code")),
                         (ERROR + "Cancelled", "download.rejected-by-user"), props["Error"])
        self.assert_session_closed_at_smdp("JOB-REJECT", CANCEL_END_USER_REJECTION)
        self.assertNotIn(self.profile_path("JOB-REJECT"), self.client.get(self.euicc, EUICC, "Profiles"))

    def test_confirmation_code_is_asked_for_and_provided(self):
        job = self.download("JOB-CC", cc_flag=True, accept=True)
        self.addCleanup(self.cancel_if_running, job)
        self.client.wait_job(job, {"waiting-for-confirmation-code"})
        self.client.call(job, JOB, "ProvideConfirmationCode", "s", CONFIRMATION_CODE)
        props = self.client.wait_job(job)
        self.assertEqual(props["State"], "succeeded", props["Error"])
        self.assertEqual(props["Result"]["profile"], self.profile_path("JOB-CC"))

    def test_owner_leaving_the_bus_while_consent_is_awaited_cancels_the_job(self):
        owner = Client(self.stack.bus.address)
        job = self.download("JOB-OWNER", client=owner)
        self.addCleanup(self.cancel_if_running, job)
        self.client.wait_job(job, {"waiting-for-consent"})
        owner.close()
        props = self.client.wait_job(job)
        self.assertEqual(props["State"], "cancelled")
        self.assertEqual((props["Error"].get("name"), props["Error"].get("code")),
                         (ERROR + "Cancelled", "job.owner-left"), props["Error"])
        self.assert_session_closed_at_smdp("JOB-OWNER", CANCEL_POSTPONED)

    def test_a_waiting_download_makes_other_downloads_and_discovery_busy(self):
        job = self.download("JOB-BUSY")
        self.addCleanup(self.cancel_if_running, job)
        self.client.wait_job(job, {"waiting-for-consent"})
        error = self.assert_dbus_error(ERROR + "Busy", self.download, "JOB-BUSY", accept=True)
        self.assertIn(job, error.get_dbus_message())  # the error names the job that holds the card
        self.assert_dbus_error(ERROR + "Busy", self.client.call, self.euicc, EUICC, "Discover", "a{sv}",
                               {"smds": self.servers.smds})

    def test_discover_returns_the_event_of_the_smds(self):
        job = self.client.call(self.euicc, EUICC, "Discover", "a{sv}", {"smds": self.servers.smds})
        props = self.client.wait_job(job)
        self.assertEqual(props["State"], "succeeded", props["Error"])
        self.assertEqual(props["Kind"], "discovery")
        self.assertEqual(props["Result"]["smds_address"], self.servers.smds)
        self.assertEqual(props["Result"]["events"], [{"event_id": "JOB-EVENT", "smdp_address": self.servers.smdp}])

    def test_final_state_and_result_come_in_one_properties_changed(self):
        job = self.client.call(self.euicc, EUICC, "Discover", "a{sv}", {"smds": self.servers.smds})
        self.client.wait_job(job)
        wait_until(lambda: any("State" in c for c in self.client.properties_changed(job, JOB)), 10,
                   f"a PropertiesChanged of {job}'s State")
        final = [c for c in self.client.properties_changed(job, JOB) if c.get("State") == "succeeded"]
        self.assertEqual(len(final), 1, self.client.properties_changed(job, JOB))
        self.assertIn("events", final[0].get("Result", {}), final[0])

    def test_no_answer_within_the_consent_timeout_cancels_the_job(self):
        job = self.download("JOB-TIMEOUT")
        self.addCleanup(self.cancel_if_running, job)
        self.client.wait_job(job, {"waiting-for-consent"})
        props = self.client.wait_job(job, timeout=20)  # consent_timeout_seconds is 5
        self.assertEqual(props["State"], "cancelled")
        self.assertEqual((props["Error"].get("name"), props["Error"].get("code")),
                         (ERROR + "Cancelled", "job.answer-timeout"), props["Error"])
        self.assert_session_closed_at_smdp("JOB-TIMEOUT", CANCEL_TIMEOUT)

    def test_a_finished_job_is_removed_after_job_linger_seconds(self):
        job = self.client.call(self.euicc, EUICC, "Discover", "a{sv}", {"smds": self.servers.smds})
        self.client.wait_job(job)
        wait_until(lambda: any(s[3][0] == job and JOB in s[3][1] for s in self.client.signals_of(ROOT, "InterfacesRemoved")),
                   20, f"InterfacesRemoved of {job} (job_linger_seconds is 5)")
        self.assert_dbus_error("org.freedesktop.DBus.Error.UnknownObject", self.client.get, job, JOB, "State")

    def test_cancel_of_a_finished_job_is_job_wrong_state(self):
        job = self.client.call(self.euicc, EUICC, "Discover", "a{sv}", {"smds": self.servers.smds})
        self.client.wait_job(job)
        self.assert_dbus_error(ERROR + "JobWrongState", self.client.call, job, JOB, "Cancel")

    def test_undelivered_install_notification_is_listed_then_processed(self):
        self.servers.admin("POST", "/admin/fail-next-notifications", {"count": 1000})
        self.addCleanup(self.servers.admin, "POST", "/admin/fail-next-notifications", {"count": 0})
        iccid = ICCIDS["JOB-NOTIFY"]
        props = self.client.wait_job(self.download("JOB-NOTIFY", accept=True))
        self.assertEqual(props["State"], "succeeded", props["Error"])
        self.assertFalse(props["Result"]["notification"]["delivered"], props["Result"])

        raw = [n for n in self.client.call_raw(self.euicc, EUICC, "ListNotifications") if str(n.get("iccid")) == iccid]
        self.assertEqual([(str(n["operation"]), str(n["address"])) for n in raw], [("install", self.servers.smdp)])
        self.assertIsInstance(raw[0]["seq_number"], dbus.UInt64)

        self.servers.admin("POST", "/admin/fail-next-notifications", {"count": 0})
        props = self.client.wait_job(self.client.call(self.euicc, EUICC, "ProcessNotifications", "a{sv}", {}))
        self.assertEqual((props["State"], props["Kind"]), ("succeeded", "notifications"), props["Error"])
        mine = [n for n in props["Result"]["notifications"] if n.get("iccid") == iccid]
        self.assertEqual([(n["operation"], n["delivered"], n["removed"]) for n in mine], [("install", True, True)])
        left = [n for n in self.client.call(self.euicc, EUICC, "ListNotifications") if n.get("iccid") == iccid]
        self.assertEqual(left, [])
        received = [n for n in self.servers.admin()["notifications"] if n["iccid"] == iccid]
        self.assertEqual([n["operation"] for n in received], ["install"])


class Authorisation(DaemonTestCase):
    """lpad asks polkit (the stand-in) about every method, with the caller as the subject."""
    preinstall = ("AUTH-1",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unprivileged = Client(cls.stack.bus.address)
        cls.stack.authority.set_caller_policy(cls.unprivileged.name, "unprivileged")

    @property
    def authority(self):
        return self.stack.authority

    @classmethod
    def tearDownClass(cls):
        cls.unprivileged.close()
        super().tearDownClass()

    def checks_for(self, client):
        return [c for c in self.authority.checks() if c["subject"].get("name") == client.name]

    def changing_calls(self):
        """(method, path, interface, signature, arguments, documented polkit action) of every changing method,
        with arguments that would succeed if the caller were allowed."""
        profile = self.profile_path("AUTH-1")
        return [
            ("Profile.Enable", profile, PROFILE, "a{sv}", ({},), "org.lpad.Lpad1.manage-profiles"),
            ("Profile.Disable", profile, PROFILE, "a{sv}", ({},), "org.lpad.Lpad1.manage-profiles"),
            ("Profile.SetNickname", profile, PROFILE, "s", ("Mine",), "org.lpad.Lpad1.manage-profiles"),
            ("Profile.Delete", profile, PROFILE, "a{sv}", ({},), "org.lpad.Lpad1.delete"),
            ("Euicc.Download", self.euicc, EUICC, "sa{sv}", (self.code("AUTH-DL"), {"accept": True}),
             "org.lpad.Lpad1.download"),
            ("Euicc.Discover", self.euicc, EUICC, "a{sv}", ({"smds": self.servers.smds},), "org.lpad.Lpad1.manage-profiles"),
            ("Euicc.ProcessNotifications", self.euicc, EUICC, "a{sv}", ({},), "org.lpad.Lpad1.manage-profiles"),
            ("Euicc.RemoveNotifications", self.euicc, EUICC, "at", ([],), "org.lpad.Lpad1.configure"),
            ("Euicc.SetDefaultSmdp", self.euicc, EUICC, "s", (self.servers.smdp,), "org.lpad.Lpad1.configure"),
            ("Euicc.Reset", self.euicc, EUICC, "a{sv}", ({"test_profiles": True},), "org.lpad.Lpad1.reset"),
        ]

    def test_unprivileged_caller_gets_not_authorized_from_every_changing_method(self):
        for method, path, interface, signature, args, _action in self.changing_calls():
            with self.subTest(method=method):
                self.assert_dbus_error(ERROR + "NotAuthorized", self.unprivileged.call, path, interface,
                                       method.split(".")[1], signature, *args)

    def test_each_changing_method_asks_polkit_for_its_documented_action_about_the_caller(self):
        for method, path, interface, signature, args, action in self.changing_calls():
            with self.subTest(method=method):
                self.authority.clear_checks()
                try:
                    self.unprivileged.call(path, interface, method.split(".")[1], signature, *args)
                except dbus.exceptions.DBusException:
                    pass
                checks = self.checks_for(self.unprivileged)
                self.assertEqual([(c["action_id"], c["subject_kind"]) for c in checks], [(action, "system-bus-name")],
                                 f"every check: {self.authority.checks()}")
                self.assertEqual(checks[0]["asked_by"], self.client.conn.get_name_owner(BUS_NAME))

    def test_unprivileged_caller_may_read_everything(self):
        self.authority.clear_checks()
        me = self.unprivileged
        objects = me.managed_objects()
        self.assertIn(self.profile_path("AUTH-1"), objects)
        for path, interface in ((ROOT, MANAGER), (self.euicc, EUICC), (self.profile_path("AUTH-1"), PROFILE)):
            with self.subTest(read=f"GetAll {interface}"):
                self.assertTrue(me.get_all(path, interface))
        for method in ("Rescan",):
            with self.subTest(read=method):
                me.call(ROOT, MANAGER, method)
        for method in ("ListNotifications", "Refresh"):
            with self.subTest(read=method):
                me.call(self.euicc, EUICC, method)
        self.assertEqual(sorted(c["action_id"] for c in self.checks_for(me)), ["org.lpad.Lpad1.read"] * 3,
                         self.authority.checks())

    def test_an_authorized_change_is_checked_with_the_caller_as_subject(self):
        self.authority.clear_checks()
        self.client.call(self.profile_path("AUTH-1"), PROFILE, "SetNickname", "s", "Checked")
        checks = self.authority.checks()
        self.assertEqual([(c["action_id"], c["subject_kind"], c["subject"]) for c in checks],
                         [("org.lpad.Lpad1.manage-profiles", "system-bus-name", {"name": self.client.name})])
        self.assertEqual(self.client.get(self.profile_path("AUTH-1"), PROFILE, "Nickname"), "Checked")

    def test_only_the_owner_may_answer_a_job(self):
        job = self.download("AUTH-OWNER")
        self.addCleanup(self.cancel_if_running, job)
        self.client.wait_job(job, {"waiting-for-consent"})
        for method, signature, args in (("Accept", "", ()), ("Reject", "", ()),
                                        ("ProvideConfirmationCode", "s", ("1234",)), ("Cancel", "", ())):
            with self.subTest(method=method):
                self.assert_dbus_error(ERROR + "NotAuthorized", self.unprivileged.call, job, JOB, method, signature, *args)
        self.assertEqual(self.client.get(job, JOB, "State"), "waiting-for-consent")
        self.client.call(job, JOB, "Reject")
        self.assertEqual(self.client.wait_job(job)["State"], "cancelled")

    def test_a_caller_authorized_to_download_may_cancel_another_callers_job(self):
        job = self.download("AUTH-CANCEL")
        self.addCleanup(self.cancel_if_running, job)
        self.client.wait_job(job, {"waiting-for-consent"})
        administrator = Client(self.stack.bus.address)  # the default policy: admin
        self.addCleanup(administrator.close)
        self.authority.clear_checks()
        administrator.call(job, JOB, "Cancel")
        props = self.client.wait_job(job)
        self.assertEqual((props["State"], props["Error"].get("code")), ("cancelled", "job.cancelled"), props["Error"])
        self.assertIn("org.lpad.Lpad1.download", [c["action_id"] for c in self.checks_for(administrator)])
        self.assert_session_closed_at_smdp("AUTH-CANCEL", CANCEL_POSTPONED)

    def test_without_a_polkit_authority_only_root_may_change_anything(self):
        self.stack.stop_authority()
        try:
            call = (self.client.call, self.profile_path("AUTH-1"), PROFILE, "SetNickname", "s", "No polkit")
            if os.getuid() == 0:
                call[0](*call[1:])
                self.assertEqual(self.client.get(self.profile_path("AUTH-1"), PROFILE, "Nickname"), "No polkit")
            else:
                self.assert_dbus_error(ERROR + "NotAuthorized", *call)
            self.client.call(self.euicc, EUICC, "ListNotifications")  # reads stay open to everyone
        finally:
            self.stack.start_authority()
            self.authority.set_caller_policy(self.unprivileged.name, "unprivileged")

    def needs_password_client(self):
        """A client for whom polkit would want a password; python3-dbus never sets ALLOW_INTERACTIVE_AUTHORIZATION."""
        client = Client(self.stack.bus.address)
        self.addCleanup(client.close)
        self.authority.set_caller_policy(client.name, "challenge")
        self.authority.clear_checks()
        return client

    def test_a_change_that_needs_a_password_without_interaction_allowed_is_interactive_authorization_required(self):
        client = self.needs_password_client()
        self.assert_dbus_error("org.freedesktop.DBus.Error.InteractiveAuthorizationRequired", client.call,
                               self.profile_path("AUTH-1"), PROFILE, "SetNickname", "s", "Never")

    def test_a_call_without_interaction_allowed_asks_polkit_without_user_interaction(self):
        client = self.needs_password_client()
        try:
            client.call(self.profile_path("AUTH-1"), PROFILE, "SetNickname", "s", "Never")
        except dbus.exceptions.DBusException:
            pass
        self.assertEqual([c["flags"] & 1 for c in self.checks_for(client)], [0],
                         "CheckAuthorization flags (1 = AllowUserInteraction)")

    def test_busctl_allows_interaction_and_lpad_passes_that_on_to_polkit(self):
        self.authority.clear_checks()
        result = self.busctl("call", BUS_NAME, self.profile_path("AUTH-1"), PROFILE, "SetNickname", "s", "From busctl")
        self.assertEqual(result.returncode, 0, result.stderr)
        checks = [c for c in self.authority.checks() if c["action_id"] == "org.lpad.Lpad1.manage-profiles"]
        self.assertEqual([c["flags"] & 1 for c in checks], [1], self.authority.checks())


class ThroughLpa(DaemonTestCase):
    """`lpa` without --direct is a client of lpad: what it shows and does is what lpad serves."""
    preinstall = ("LPA-1",)

    @classmethod
    def setUpClass(cls):
        probe = subprocess.run([str(LPA), "--help"], capture_output=True, text=True)
        if not re.search(r"^\s+euiccs\s", probe.stdout, re.MULTILINE):
            raise unittest.SkipTest(f"{LPA} has no daemon mode yet (no `lpa euiccs`)")
        super().setUpClass()

    def lpa(self, *args, env=None):
        return subprocess.run([str(LPA), *args], env=env or self.stack.bus.env(), capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=130)

    def lpa_json(self, *args):
        result = self.lpa("--json", *args)
        self.assertEqual(result.returncode, 0, f"lpa --json {' '.join(args)}: {result.stdout}{result.stderr}")
        return json.loads(result.stdout)

    def test_lpa_euiccs_lists_the_euicc_lpad_serves(self):
        self.assertEqual(self.lpa_json("euiccs")["euiccs"],
                         [{"index": 0, "eid": self.servers.eid, "backend": "pcsc", "device": "lpad veuicc 00 00"}])

    def test_lpa_list_shows_the_profiles_lpad_serves(self):
        listed = {p["iccid"]: p for p in self.lpa_json("list")["profiles"]}
        served = [self.client.get_all(path, PROFILE) for path in self.client.get(self.euicc, EUICC, "Profiles")]
        self.assertEqual(sorted(listed), sorted(p["Iccid"] for p in served))
        for profile in served:
            with self.subTest(iccid=profile["Iccid"]):
                mine = listed[profile["Iccid"]]
                self.assertEqual((mine["state"], mine["profile_name"], mine["isdp_aid"]),
                                 (profile["State"], profile["ProfileName"], profile["IsdpAid"]))

    def test_lpa_download_goes_through_lpad(self):
        document = self.lpa_json("download", "--yes", self.code("LPA-DL"))
        self.assertEqual(document["profile"]["iccid"], ICCIDS["LPA-DL"])
        self.assertIn(self.profile_path("LPA-DL"), self.client.get(self.euicc, EUICC, "Profiles"))
        self.assertEqual([s["state"] for s in self.servers.sessions("LPA-DL")], ["installed"])

    def test_lpa_enable_goes_through_lpad(self):
        path = self.profile_path("LPA-1")
        if self.client.get(path, PROFILE, "State") == "enabled":
            self.client.call(path, PROFILE, "Disable", "a{sv}", {})
        self.lpa_json("enable", ICCIDS["LPA-1"])
        self.assertEqual(self.client.get(path, PROFILE, "State"), "enabled")

    def lpa_on_terminal(self, *args):
        """lpa with a terminal as stdin, as when a person runs it."""
        leader, follower = pty.openpty()
        try:
            return subprocess.run([str(LPA), *args], env=self.stack.bus.env(), capture_output=True, text=True,
                                  stdin=follower, timeout=130)
        finally:
            os.close(follower)
            os.close(leader)

    def password_needed_for_changes(self):
        """polkit as for a user who must type a password: granted only to calls that let it ask."""
        self.stack.authority.set_default_policy("password")
        self.addCleanup(self.stack.authority.set_default_policy, "admin")
        self.stack.authority.clear_checks()

    def nickname_checks(self):
        return [c["flags"] & 1 for c in self.stack.authority.checks() if c["action_id"] == "org.lpad.Lpad1.manage-profiles"]

    def test_lpa_on_a_terminal_lets_polkit_ask_for_a_password(self):
        self.password_needed_for_changes()
        result = self.lpa_on_terminal("nickname", ICCIDS["LPA-1"], "Typed a password")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(self.client.get(self.profile_path("LPA-1"), PROFILE, "Nickname"), "Typed a password")
        self.assertEqual(self.nickname_checks(), [1], "CheckAuthorization flags (1 = AllowUserInteraction)")

    def test_lpa_with_no_ask_password_does_not_let_polkit_ask(self):
        self.password_needed_for_changes()
        result = self.lpa_on_terminal("--json", "--no-ask-password", "nickname", ICCIDS["LPA-1"], "Never")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertEqual(json.loads(result.stdout)["error"]["code"], "daemon.interactive-authorization-required")
        self.assertEqual(self.nickname_checks(), [0])

    def test_lpa_without_a_terminal_does_not_let_polkit_ask(self):
        self.password_needed_for_changes()
        result = self.lpa("--json", "nickname", ICCIDS["LPA-1"], "Never")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("--no-ask-password", json.loads(result.stdout)["error"]["message"])
        self.assertEqual(self.nickname_checks(), [0])

    def test_lpa_info_shows_the_whole_euicc_info2_lpad_serves(self):
        through_lpad = self.lpa_json("info")["euicc_info2"]
        self.assertNotIn(None, [through_lpad[k] for k in ("profile_version", "ci_pkids_for_signing", "rsp_capabilities",
                                                           "pp_version", "sas_accreditation_number")], through_lpad)
        self.assertEqual(through_lpad["ci_pkids_for_verification"], self.client.get(self.euicc, EUICC, "CiPkids"))

    def converse(self, args, replies, timeout=90):
        """Runs lpa on a terminal, typing replies[prompt] whenever it shows `prompt`; (exit status, text shown)."""
        leader, follower = pty.openpty()
        lpa = subprocess.Popen([str(LPA), *args], env=self.stack.bus.env(), stdin=follower, stdout=follower, stderr=follower)
        os.close(follower)
        shown, answered, deadline = b"", dict.fromkeys(replies, 0), time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                ready, _, _ = select.select([leader], [], [], 0.2)
                if ready:
                    try:
                        chunk = os.read(leader, 4096)
                    except OSError:  # EIO: lpa closed the terminal
                        chunk = b""
                    if not chunk and lpa.poll() is not None:
                        break
                    shown += chunk
                    for prompt, reply in replies.items():
                        if shown.count(prompt.encode()) > answered[prompt]:
                            os.write(leader, (reply + "\n").encode())
                            answered[prompt] += 1
                elif lpa.poll() is not None:
                    break
            else:
                lpa.kill()
                self.fail(f"lpa did not finish in {timeout} s; it showed: {shown.decode(errors='replace')}")
            return lpa.wait(), shown.decode(errors="replace")
        finally:
            os.close(leader)

    def test_lpa_asks_consent_on_the_terminal_and_installs_through_lpad(self):
        status, shown = self.converse(["download", self.code("LPA-CONSENT")], {"Install this profile? [y/N]": "y"})
        self.assertEqual(status, 0, shown)
        self.assertIn("Test LPA-CONSENT", shown)  # the metadata was shown before the question
        self.assertIn(self.profile_path("LPA-CONSENT"), self.client.get(self.euicc, EUICC, "Profiles"))

    def test_lpa_asks_the_confirmation_code_on_the_terminal_and_installs_through_lpad(self):
        status, shown = self.converse(["download", self.code("LPA-CC", cc_flag=True)],
                                      {"Install this profile? [y/N]": "y", "Confirmation code (from the operator):": CONFIRMATION_CODE})
        self.assertEqual(status, 0, shown)
        self.assertNotIn(CONFIRMATION_CODE, shown, "the code is not echoed")
        self.assertIn(self.profile_path("LPA-CC"), self.client.get(self.euicc, EUICC, "Profiles"))

    def test_lpa_discover_finds_the_event_through_lpad_and_downloads_it(self):
        events = self.lpa_json("discover", "--smds", self.servers.smds)["events"]
        self.assertIn(("JOB-EVENT", self.servers.smdp), [(e["event_id"], e["smdp_address"]) for e in events])
        document = self.lpa_json("download", "--yes", "--event", "JOB-EVENT", "--smdp", self.servers.smdp)
        self.assertEqual(document["profile"]["iccid"], ICCIDS["JOB-EVENT"])

    def test_lpa_lists_and_processes_pending_notifications_through_lpad(self):
        self.servers.admin("POST", "/admin/fail-next-notifications", {"count": 1000})
        try:
            self.lpa_json("download", "--yes", self.code("LPA-NOTIFY"))
        finally:
            self.servers.admin("POST", "/admin/fail-next-notifications", {"count": 0})
        pending = self.lpa_json("notifications", "list")["notifications"]
        self.assertIn(("install", ICCIDS["LPA-NOTIFY"]), [(n["operation"], n["iccid"]) for n in pending])
        processed = self.lpa_json("notifications", "process")["notifications"]
        self.assertTrue(processed and all(n["delivered"] for n in processed), processed)
        self.assertNotIn(ICCIDS["LPA-NOTIFY"], [n["iccid"] for n in self.lpa_json("notifications", "list")["notifications"]])

    def test_lpa_killed_at_the_consent_question_gets_its_download_cancelled_on_card_and_smdp(self):
        leader, follower = pty.openpty()
        self.addCleanup(os.close, leader)
        lpa = subprocess.Popen([str(LPA), "download", self.code("LPA-KILLED")], env=self.stack.bus.env(), stdin=follower,
                               stdout=follower, stderr=follower)
        os.close(follower)
        self.addCleanup(lpa.wait)
        self.addCleanup(lambda: lpa.poll() is None and lpa.kill())

        def waiting_job():
            for path, interfaces in self.client.managed_objects().items():
                if JOB in interfaces and interfaces[JOB]["State"] == "waiting-for-consent":
                    return path
            return None
        job = wait_until(waiting_job, 60, "lpa's download to wait for consent")
        self.addCleanup(self.cancel_if_running, job)
        lpa.kill()
        props = self.client.wait_job(job)
        self.assertEqual((props["State"], props["Error"].get("code")), ("cancelled", "job.owner-left"), props["Error"])
        self.assert_session_closed_at_smdp("LPA-KILLED", CANCEL_POSTPONED)
        self.assertNotIn(self.profile_path("LPA-KILLED"), self.client.get(self.euicc, EUICC, "Profiles"))

    def test_lpa_says_so_when_lpad_is_not_on_the_bus(self):
        env = self.stack.bus.env()
        env["DBUS_SYSTEM_BUS_ADDRESS"] = f"unix:path={self.tmp / 'no-bus-here'}"
        result = self.lpa("--json", "list", env=env)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("lpad", json.loads(result.stdout)["error"]["message"])
        self.assertEqual(json.loads(result.stdout)["error"]["code"], "daemon.unavailable")


class StandInPolkitAuthority(unittest.TestCase):
    """The fixture itself, without lpad: the private bus denies what the system bus denies, and the
    stand-in authority answers CheckAuthorization as polkitd would for the test's policies."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="lpad-daemon-fixture-"))
        cls.bus = PrivateBus(cls.tmp / "bus")
        try:
            cls.authority = AuthorityProcess(cls.bus, cls.tmp / "authority.log")
            cls.client = Client(cls.bus.address)
        except BaseException:
            cls.bus.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.authority.stop()
        cls.bus.stop()
        shutil.rmtree(cls.tmp, True)

    def check(self, name, action, flags=0):
        return self.client.call("/org/freedesktop/PolicyKit1/Authority", "org.freedesktop.PolicyKit1.Authority",
                                "CheckAuthorization", "(sa{sv})sa{ss}us", ("system-bus-name", {"name": name}), action,
                                {}, dbus.UInt32(flags), "", destination="org.freedesktop.PolicyKit1")

    def test_the_bus_lets_nobody_own_other_names(self):
        self.assert_raises_access_denied(self.client.conn.request_name, "org.example.NotAllowed")

    def assert_raises_access_denied(self, function, *args):
        with self.assertRaises(dbus.exceptions.DBusException) as raised:
            function(*args)
        self.assertEqual(raised.exception.get_dbus_name(), "org.freedesktop.DBus.Error.AccessDenied")

    def test_policies_answer_as_polkit_defaults_would(self):
        self.authority.set_caller_policy(":1.900", "unprivileged")
        self.authority.set_caller_policy(":1.901", "challenge")
        self.addCleanup(self.authority.set_caller_policy, ":1.900", "")
        self.addCleanup(self.authority.set_caller_policy, ":1.901", "")
        self.assertEqual(self.check(":1.899", "org.lpad.Lpad1.reset"), [True, False, {}])
        self.assertEqual(self.check(":1.900", "org.lpad.Lpad1.read"), [True, False, {}])
        self.assertEqual(self.check(":1.900", "org.lpad.Lpad1.download"), [False, False, {}])
        self.assertEqual(self.check(":1.901", "org.lpad.Lpad1.download"), [False, True, {}])

    def test_checks_are_recorded_with_action_subject_and_flags(self):
        self.authority.clear_checks()
        self.check(":1.902", "org.lpad.Lpad1.delete", flags=1)
        [check] = self.authority.checks()
        self.assertEqual((check["action_id"], check["subject_kind"], check["subject"], check["flags"], check["asked_by"]),
                         ("org.lpad.Lpad1.delete", "system-bus-name", {"name": ":1.902"}, 1, self.client.name))


if __name__ == "__main__":
    program = unittest.main(verbosity=2, exit=False)
    if not program.result.wasSuccessful():
        sys.exit(1)
    if LPAD_MISSING:
        print(f"SKIPPED: {LPAD_MISSING}; only the fixture's own checks ran")
        sys.exit(SKIPPED)
    sys.exit(0)
