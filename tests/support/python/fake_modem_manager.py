#!/usr/bin/env python3
"""A fake ModemManager for daemon tests: owns org.freedesktop.ModemManager1 on a private bus and
serves what lpad uses of ModemManager's D-Bus API, with ModemManager's behaviour around inhibition:

  /org/freedesktop/ModemManager1
    org.freedesktop.DBus.ObjectManager  GetManagedObjects, InterfacesAdded, InterfacesRemoved
    org.freedesktop.ModemManager1       InhibitDevice(s uid, b inhibit), ScanDevices()
  /org/freedesktop/ModemManager1/Modem/<n>
    org.freedesktop.ModemManager1.Modem  properties Device (s), Ports (a(su)), PrimaryPort (s),
                                         Manufacturer, Model (s); read with Properties Get/GetAll

As ModemManager does: an inhibited modem's object is removed (ModemManager closes its ports before
it answers), and on uninhibition the modem is probed again and exported under a new path; an
inhibition ends when the client that asked for it leaves the bus; InhibitDevice refuses an unknown
uid (Error.Core.NotFound), a device already inhibited (Error.Core.InProgress) and an uninhibition
by a client that holds none (Error.Core.NotFound).

Why not the real ModemManager: it needs udev devices (a pty modem is none), root and the system
bus, and would probe and drive the test's modem itself.

Test-only interface org.lpad.Test.FakeModemManager on /org/freedesktop/ModemManager1:
  AddModem(s uid, a(su) ports, s primary_port) -> o   a modem appears (hot-plug)
  RemoveModem(s uid)                                   it goes (unplugged): object and inhibition
  SetReexportDelay(d seconds)                          the re-probe time after an uninhibition (0.2)
  Calls() -> s   JSON list, oldest first: every InhibitDevice call {caller, pid, uid, inhibit, time
                 (time.time()), error (the D-Bus error name, or null)} and every inhibition ended by
                 its client leaving the bus {caller, pid, uid, inhibit: false, time, vanished: true}
  ClearCalls()
  Modems() -> s  JSON {uid: {path ("/" while not exported), inhibited_by (or null)}}

Usage: fake_modem_manager.py BUS_ADDRESS ; prints "ready" once it owns the name; SIGTERM ends it.
"""
import json
import sys
import time

import dbus
import dbus.service
from gi.repository import GLib

from stand_in_service import serve

NAME = "org.freedesktop.ModemManager1"
ROOT = "/org/freedesktop/ModemManager1"
MANAGER = "org.freedesktop.ModemManager1"
MODEM = "org.freedesktop.ModemManager1.Modem"
OBJECT_MANAGER = "org.freedesktop.DBus.ObjectManager"
PROPERTIES = "org.freedesktop.DBus.Properties"
TEST = "org.lpad.Test.FakeModemManager"
CORE_ERROR = "org.freedesktop.ModemManager1.Error.Core."


def core_error(name, message):
    return dbus.exceptions.DBusException(message, name=CORE_ERROR + name)


class ModemObject(dbus.service.Object):
    """One exported modem: the Modem interface's properties, through org.freedesktop.DBus.Properties."""

    def __init__(self, bus, path, device):
        super().__init__(bus, path)
        self.path = path
        self.device = device

    def properties(self):
        return dbus.Dictionary({
            "Device": dbus.String(self.device["uid"]),
            "Ports": dbus.Array([dbus.Struct((dbus.String(n), dbus.UInt32(t))) for n, t in self.device["ports"]],
                                signature="(su)"),
            "PrimaryPort": dbus.String(self.device["primary_port"]),
            "Manufacturer": dbus.String("lpad tests"),
            "Model": dbus.String("fake modem"),
        }, signature="sv")

    @dbus.service.method(PROPERTIES, in_signature="ss", out_signature="v")
    def Get(self, interface, prop):  # noqa: N802
        values = self.properties()
        if interface != MODEM or prop not in values:
            raise dbus.exceptions.DBusException(f"no property {interface}.{prop}", name="org.freedesktop.DBus.Error.InvalidArgs")
        return values[prop]

    @dbus.service.method(PROPERTIES, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):  # noqa: N802
        return self.properties() if interface == MODEM else dbus.Dictionary({}, signature="sv")


class FakeModemManager(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, ROOT)
        self.bus = bus
        self.devices = {}      # uid -> {uid, ports, primary_port, object (ModemObject or None), inhibited_by}
        self.next_modem = 0
        self.reexport_delay = 0.2
        self.calls = []
        bus.add_signal_receiver(self._name_owner_changed, signal_name="NameOwnerChanged",
                                dbus_interface="org.freedesktop.DBus", bus_name="org.freedesktop.DBus")

    # --- exporting modems ---------------------------------------------------------------------

    def _export(self, device):
        path = f"{ROOT}/Modem/{self.next_modem}"
        self.next_modem += 1
        device["object"] = ModemObject(self.bus, path, device)
        self.InterfacesAdded(dbus.ObjectPath(path), {MODEM: device["object"].properties()})

    def _unexport(self, device):
        modem = device.get("object")
        if modem is None:
            return
        path = modem.path
        modem.remove_from_connection()
        device["object"] = None
        self.InterfacesRemoved(dbus.ObjectPath(path), [MODEM])

    def _reexport_later(self, uid):
        def reexport():
            device = self.devices.get(uid)  # unplugged meanwhile, or inhibited again: stays away
            if device and device["object"] is None and device["inhibited_by"] is None:
                self._export(device)
            return False
        GLib.timeout_add(int(self.reexport_delay * 1000), reexport)

    # --- ObjectManager ------------------------------------------------------------------------

    @dbus.service.method(OBJECT_MANAGER, in_signature="", out_signature="a{oa{sa{sv}}}")
    def GetManagedObjects(self):  # noqa: N802
        return dbus.Dictionary({dbus.ObjectPath(d["object"].path): {MODEM: d["object"].properties()}
                                for d in self.devices.values() if d["object"] is not None}, signature="oa{sa{sv}}")

    @dbus.service.signal(OBJECT_MANAGER, signature="oa{sa{sv}}")
    def InterfacesAdded(self, path, interfaces):  # noqa: N802
        pass

    @dbus.service.signal(OBJECT_MANAGER, signature="oas")
    def InterfacesRemoved(self, path, interfaces):  # noqa: N802
        pass

    # --- Manager ------------------------------------------------------------------------------

    def _pid_of(self, name):
        try:
            return int(self.bus.call_blocking("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                              "GetConnectionUnixProcessID", "s", (name,)))
        except dbus.exceptions.DBusException:
            return None

    def _record(self, caller, uid, inhibit, error=None, vanished=False):
        pid = self.devices[uid]["inhibitor_pid"] if vanished else self._pid_of(caller)
        entry = {"caller": caller, "pid": pid, "uid": uid, "inhibit": inhibit, "time": time.time(), "error": error}
        if vanished:
            entry["vanished"] = True
        self.calls.append(entry)
        return entry

    @dbus.service.method(MANAGER, in_signature="sb", out_signature="", sender_keyword="sender")
    def InhibitDevice(self, uid, inhibit, sender=None):  # noqa: N802
        uid, inhibit, sender = str(uid), bool(inhibit), str(sender)
        device = self.devices.get(uid)
        error = None
        if inhibit and device is None:
            error = core_error("NotFound", f"No device found with uid '{uid}'")
        elif inhibit and device["inhibited_by"] is not None:
            error = core_error("InProgress", f"Device '{uid}' is already inhibited")
        elif not inhibit and (device is None or device["inhibited_by"] != sender):
            error = core_error("NotFound", f"No inhibition found for uid '{uid}'")
        entry = self._record(sender, uid, inhibit, error.get_dbus_name() if error else None)
        if error:
            raise error
        if inhibit:
            device["inhibited_by"], device["inhibitor_pid"] = sender, entry["pid"]
            self._unexport(device)  # the ports are closed before the reply, as ModemManager does
        else:
            device["inhibited_by"] = None
            self._reexport_later(uid)

    @dbus.service.method(MANAGER, in_signature="", out_signature="")
    def ScanDevices(self):  # noqa: N802
        pass  # every modem the test added is exported already

    def _name_owner_changed(self, name, old_owner, new_owner):
        if new_owner or not str(name).startswith(":"):
            return
        for uid, device in self.devices.items():
            if device["inhibited_by"] == str(name):
                device["inhibited_by"] = None
                self._record(str(name), uid, False, vanished=True)
                self._reexport_later(uid)

    # --- test interface -----------------------------------------------------------------------

    @dbus.service.method(TEST, in_signature="sa(su)s", out_signature="o")
    def AddModem(self, uid, ports, primary_port):  # noqa: N802
        uid = str(uid)
        if uid in self.devices:
            raise dbus.exceptions.DBusException(f"{uid} exists", name="org.freedesktop.DBus.Error.InvalidArgs")
        device = {"uid": uid, "ports": [(str(n), int(t)) for n, t in ports], "primary_port": str(primary_port),
                  "object": None, "inhibited_by": None, "inhibitor_pid": None}
        self.devices[uid] = device
        self._export(device)
        return dbus.ObjectPath(device["object"].path)

    @dbus.service.method(TEST, in_signature="s", out_signature="")
    def RemoveModem(self, uid):  # noqa: N802
        device = self.devices.pop(str(uid), None)
        if device:
            self._unexport(device)

    @dbus.service.method(TEST, in_signature="d", out_signature="")
    def SetReexportDelay(self, seconds):  # noqa: N802
        self.reexport_delay = float(seconds)

    @dbus.service.method(TEST, in_signature="", out_signature="s")
    def Calls(self):  # noqa: N802
        return json.dumps(self.calls)

    @dbus.service.method(TEST, in_signature="", out_signature="")
    def ClearCalls(self):  # noqa: N802
        self.calls.clear()

    @dbus.service.method(TEST, in_signature="", out_signature="s")
    def Modems(self):  # noqa: N802
        return json.dumps({uid: {"path": d["object"].path if d["object"] else "/",
                                 "inhibited_by": d["inhibited_by"]} for uid, d in self.devices.items()})


if __name__ == "__main__":
    sys.exit(serve(sys.argv, NAME, FakeModemManager))
