"""lpad on a private system bus, for daemon tests: the bus (private_bus.PrivateBus), the stand-in
polkit authority (polkit_authority.py), the software eUICC behind a private pcscd
(card_stacks.Card), the test SM-DP+/SM-DS (rsp_stack.Servers, started here or shared) and lpad with
a generated configuration. Client is a python3-dbus connection to that bus with what tests need:
typed calls, properties, the signals lpad sent, waiting for a condition.

    stack = DaemonStack(tmp, binaries, servers)   # bus, authority, card; the card answers
    stack.lpa_direct("download", "--yes", code)   # optional: prepare the card before lpad owns it
    stack.start_lpad()                            # returns once org.lpad.Lpad1 serves the eUICC
    ...
    stack.stop()                                  # everything, in reverse order
"""
import json
import pathlib
import subprocess
import sys
import time
from dataclasses import dataclass

import dbus
import dbus.bus
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

from card_stacks import Card
from polkit_authority import plain
from processes import stop_process
from private_bus import PrivateBus

BUS_NAME = "org.lpad.Lpad1"
ROOT = "/org/lpad/Lpad1"
MANAGER, EUICC, PROFILE, JOB = (f"org.lpad.Lpad1.{i}" for i in ("Manager", "Euicc", "Profile", "Job"))
OBJECT_MANAGER = "org.freedesktop.DBus.ObjectManager"
PROPERTIES = "org.freedesktop.DBus.Properties"
ERROR_PREFIX = "org.lpad.Lpad1.Error."
POLKIT_NAME, POLKIT_PATH, POLKIT_TEST = ("org.freedesktop.PolicyKit1", "/org/freedesktop/PolicyKit1/Authority",
                                         "org.lpad.Test.PolkitStandIn")
MM_NAME, MM_PATH, MM_TEST = ("org.freedesktop.ModemManager1", "/org/freedesktop/ModemManager1",
                             "org.lpad.Test.FakeModemManager")
MM_PORT_AT, MM_PORT_QMI, MM_PORT_MBIM = 3, 6, 7  # MMModemPortType
MODEM_UID = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-4"  # ModemManager's Device: the modem's sysfs path
FINAL_JOB_STATES = {"succeeded", "failed", "cancelled"}
HERE = pathlib.Path(__file__).resolve().parent

DBusGMainLoop(set_as_default=True)


@dataclass
class Binaries:
    lpad: pathlib.Path
    lpa: pathlib.Path
    veuicc: pathlib.Path


def wait_until(condition, timeout, what):
    """Runs the GLib main loop (signals reach their receivers) until condition() is true; returns its value."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + timeout
    while True:
        while context.pending():
            context.iteration(False)
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.02)


class Client:
    """One connection to the private bus (its own unique name): a client of lpad as a program would be."""

    def __init__(self, address):
        self.conn = dbus.bus.BusConnection(address)
        self.name = str(self.conn.get_unique_name())
        self.signals = []  # (path, interface, member, args), in arrival order
        self._receiver = self.conn.add_signal_receiver(self._on_signal, bus_name=BUS_NAME, path_keyword="path",
                                                       interface_keyword="interface", member_keyword="member")

    def _on_signal(self, *args, path=None, interface=None, member=None):
        self.signals.append((str(path), str(interface), str(member), plain(args)))

    def call_raw(self, path, interface, method, signature="", *args, timeout=120, destination=BUS_NAME):
        """The reply as dbus-python values (their D-Bus types kept)."""
        return self.conn.call_blocking(destination, path, interface, method, signature, args, timeout=timeout)

    def call(self, path, interface, method, signature="", *args, timeout=120, destination=BUS_NAME):
        """The reply as plain Python values; a D-Bus error raises dbus.exceptions.DBusException."""
        return plain(self.call_raw(path, interface, method, signature, *args, timeout=timeout, destination=destination))

    def get(self, path, interface, prop):
        return self.call(path, PROPERTIES, "Get", "ss", interface, prop)

    def get_all(self, path, interface):
        return self.call(path, PROPERTIES, "GetAll", "s", interface)

    def managed_objects(self):
        return self.call(ROOT, OBJECT_MANAGER, "GetManagedObjects")

    def pump(self):
        """Delivers the signals that arrived (they wait in the main loop until it runs)."""
        wait_until(lambda: True, 0, "nothing")

    def signals_of(self, path=None, member=None):
        self.pump()
        return [s for s in self.signals if (path is None or s[0] == path) and (member is None or s[2] == member)]

    def properties_changed(self, path, interface):
        """The `changed` dictionaries of every PropertiesChanged of `interface` on `path`, oldest first."""
        return [s[3][1] for s in self.signals_of(path, "PropertiesChanged") if s[3][0] == interface]

    def wait_job(self, job, states=FINAL_JOB_STATES, timeout=60):
        """Polls the job's State until it is one of `states`; returns every Job property then."""
        wait_until(lambda: self.get(job, JOB, "State") in states, timeout, f"{job} to reach one of {sorted(states)}")
        return self.get_all(job, JOB)

    def close(self):
        self._receiver.remove()
        self.conn.close()


class StandInProcess:
    """A stand-in service of tests/support/python (SCRIPT BUS_ADDRESS, "ready" once it owns its name)
    on the bus, and a connection to its test interface."""
    script, name, path, test_interface, what = "", "", "", "", ""

    def __init__(self, bus: PrivateBus, log_path: pathlib.Path):
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen([sys.executable, str(HERE / self.script), bus.address],
                                     stdout=subprocess.PIPE, stderr=self.log, stdin=subprocess.DEVNULL, text=True)
        if self.proc.stdout.readline().strip() != "ready":
            self.stop()
            raise RuntimeError(f"{self.what} did not start: " + log_path.read_text())
        self.client = Client(bus.address)

    def _call(self, method, signature="", *args):
        return self.client.call(self.path, self.test_interface, method, signature, *args, destination=self.name)

    def stop(self):
        """Idempotent."""
        if getattr(self, "client", None):
            self.client.close()
            self.client = None
        stop_process(self.proc)
        self.proc.stdout.close()
        self.log.close()


class AuthorityProcess(StandInProcess):
    """tests/support/python/polkit_authority.py."""
    script, name, path, test_interface, what = ("polkit_authority.py", POLKIT_NAME, POLKIT_PATH, POLKIT_TEST,
                                                "the stand-in polkit authority")

    def set_default_policy(self, policy):
        self._call("SetDefaultPolicy", "s", policy)

    def set_caller_policy(self, bus_name, policy):
        self._call("SetCallerPolicy", "ss", bus_name, policy)

    def checks(self):
        return json.loads(self._call("Checks"))

    def clear_checks(self):
        self._call("ClearChecks")


class ModemManagerProcess(StandInProcess):
    """tests/support/python/fake_modem_manager.py."""
    script, name, path, test_interface, what = ("fake_modem_manager.py", MM_NAME, MM_PATH, MM_TEST,
                                                "the fake ModemManager")

    def add_modem(self, uid, ports, primary_port):
        """ports: [(name as under /dev, MMModemPortType)]; returns the modem's object path."""
        return self._call("AddModem", "sa(su)s", uid, ports, primary_port)

    def remove_modem(self, uid):
        self._call("RemoveModem", "s", uid)

    def set_reexport_delay(self, seconds):
        self._call("SetReexportDelay", "d", seconds)

    def calls(self):
        """Every InhibitDevice call and inhibition ended by its client leaving (fake_modem_manager.py)."""
        return json.loads(self._call("Calls"))

    def clear_calls(self):
        self._call("ClearCalls")

    def modems(self):
        """{uid: {path, inhibited_by}}"""
        return json.loads(self._call("Modems"))


def lpad_config(servers, linger=30, consent_timeout=60, extra=None):
    """The text of an lpad.conf (docs/lpad.conf.example) for the test stack; extra: {group: {key: value}}."""
    groups = {
        "daemon": {"idle_exit_seconds": "0", "job_linger_seconds": str(linger),
                   "consent_timeout_seconds": str(consent_timeout)},
        "devices": {"pcsc": "true", "modem_manager": "no"},
        "timeouts": {"request": "20", "notification_attempts": "1", "notification_backoff": "1"},
        "tls": {"extra_ca": str(servers.pki / "ci.pem"), "resolve": ";".join(servers.resolve_entries())},
    }
    for group, keys in (extra or {}).items():
        groups.setdefault(group, {}).update(keys)
    return "".join(f"[{group}]\n" + "".join(f"{k}={v}\n" for k, v in keys.items()) + "\n" for group, keys in groups.items())


class DaemonStack:
    def __init__(self, tmp: pathlib.Path, binaries: Binaries, servers, config_extra=None, card_mode="pcsc",
                 modem_manager=False):
        """card_mode: "pcsc" (behind a private pcscd, found by lpad's reader scan) or an AT mode ("ccho",
        "csim": the pty modem, a [device] group of lpad's config). modem_manager (with an AT mode): the
        pty modem is a modem of the fake ModemManager (self.modem_manager, uid MODEM_UID, its AT port
        the pty), lpad's config has no [device] group and modem_manager=auto."""
        self.tmp, self.binaries, self.servers, self.config_extra = tmp, binaries, servers, config_extra
        self.card_mode = card_mode
        self.modem_manager = None
        self.lpad_proc = None
        self.lpad_log_path = tmp / "lpad.log"
        self._stops = []
        try:
            self.bus = PrivateBus(tmp / "bus")
            self._stops.append(self.bus.stop)
            self.client = Client(self.bus.address)
            self._stops.append(self.client.close)
            self.start_authority()
            self._stops.append(lambda: self.authority.stop())  # the one running then
            card_dir = tmp / "card"
            card_dir.mkdir(parents=True, exist_ok=True)
            self.card = Card(binaries.veuicc, servers.pki, card_dir / "state.json", card_dir, card_mode)
            self._stops.append(self.card.stop)
            self.card.wait_until_ready(binaries.lpa)
            if modem_manager:
                self.modem_manager = ModemManagerProcess(self.bus, tmp / "fake-modem-manager.log")
                self._stops.append(self.modem_manager.stop)
                port = self.modem_port()
                self.modem_manager.add_modem(MODEM_UID, [(port, MM_PORT_AT)], port)
        except BaseException:
            self.stop()
            raise

    def start_authority(self):
        """The stand-in polkit authority (again, after stop_authority: with a new log and the default policy)."""
        self.authority_runs = getattr(self, "authority_runs", 0) + 1
        self.authority = AuthorityProcess(self.bus, self.tmp / f"polkit-authority-{self.authority_runs}.log")

    def stop_authority(self):
        self.authority.stop()
        wait_until(lambda: not self.client.conn.name_has_owner("org.freedesktop.PolicyKit1"), 10,
                   "org.freedesktop.PolicyKit1 to leave the bus")

    def modem_port(self):
        """The pty modem's port as ModemManager names it ("pts/3" for /dev/pts/3)."""
        return self.card.device_args[3].removeprefix("/dev/")

    def lpa_direct(self, *args):
        """`lpa --direct` on the card with the test servers' TLS settings (before lpad starts)."""
        result = self.card.run(self.binaries.lpa, self.servers.lpa_server_args() + list(args), timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"lpa --direct {' '.join(args)} failed: {result.stdout}{result.stderr}")
        return result.stdout

    def start_lpad(self, timeout=30, expect_euicc=True):
        """Starts lpad (again, after it died) and returns once org.lpad.Lpad1 is on the bus and lists an
        eUICC (without expect_euicc: once it is on the bus)."""
        config = self.tmp / "lpad.conf"
        extra = dict(self.config_extra or {})
        if self.modem_manager:
            extra["devices"] = dict({"modem_manager": "auto"}, **extra.get("devices", {}), pcsc="false")
        elif self.card_mode != "pcsc":
            extra["devices"] = dict(extra.get("devices", {}), pcsc="false")
            extra["device card"] = {"backend": "at", "device": self.card.device_args[3], "at_mode": self.card_mode}
        config.write_text(lpad_config(self.servers, extra=extra))
        state_dir = self.tmp / "lpad-state"
        state_dir.mkdir(exist_ok=True)
        env = self.bus.env(self.card.env)  # the card's env carries PCSCLITE_CSOCK_NAME of the private pcscd
        if self.lpad_proc is None:
            self._stops.append(self._stop_lpad)
        else:
            self.lpad_log.close()
        self.lpad_log = open(self.lpad_log_path, "a")  # a restart appends to the log of the first run
        self.lpad_proc = subprocess.Popen([str(self.binaries.lpad), "--config", str(config), "--state-dir", str(state_dir)],
                                          env=env, stdin=subprocess.DEVNULL, stdout=self.lpad_log, stderr=subprocess.STDOUT)

        def ready():
            if self.lpad_proc.poll() is not None:
                raise RuntimeError(f"lpad exited with status {self.lpad_proc.returncode}:\n{self.lpad_log_text()}")
            if not self.client.conn.name_has_owner(BUS_NAME):
                return None
            return self.client.get(ROOT, MANAGER, "Euiccs") or not expect_euicc
        try:
            wait_until(ready, timeout, "org.lpad.Lpad1 on the bus" + (" with an eUICC in Manager.Euiccs" if expect_euicc else ""))
        except AssertionError as e:
            raise AssertionError(f"{e}\nlpad's log:\n{self.lpad_log_text()}") from None

    def lpad_log_text(self, offset=0):
        try:
            return self.lpad_log_path.read_bytes()[offset:].decode(errors="replace")
        except FileNotFoundError:
            return ""

    def lpad_log_size(self):
        try:
            return self.lpad_log_path.stat().st_size
        except FileNotFoundError:
            return 0

    def lpad_problem(self):
        """Why lpad no longer serves (it exited, or it runs without owning org.lpad.Lpad1), or None."""
        if self.lpad_proc is None:
            return None
        if self.lpad_proc.poll() is not None:
            return f"lpad exited with status {self.lpad_proc.returncode}"
        if not self.client.conn.name_has_owner(BUS_NAME):
            return f"lpad (pid {self.lpad_proc.pid}) still runs but no longer owns {BUS_NAME}"
        return None

    def restart_lpad(self):
        stop_process(self.lpad_proc, timeout=5)
        self.start_lpad()

    def _stop_lpad(self):
        stop_process(self.lpad_proc, timeout=10)
        self.lpad_log.close()

    def stop(self):
        while self._stops:
            stop = self._stops.pop()
            try:
                stop()
            except Exception as e:  # keep stopping the rest
                print(f"daemon_stack: stopping failed: {e!r}", file=sys.stderr)
