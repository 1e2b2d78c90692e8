"""What each stand-in service of the daemon tests (polkit_authority.py, fake_modem_manager.py) does
around its objects: connects to the bus its one argument names, makes its objects, owns its name,
prints "ready" and serves until SIGTERM or SIGINT."""
import signal
import sys

import dbus
import dbus.bus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib


def serve(argv, bus_name, make_objects):
    """make_objects(bus) -> what must live while serving. Returns the exit status."""
    if len(argv) != 2:
        print(f"usage: {argv[0]} BUS_ADDRESS", file=sys.stderr)
        return 2
    loop = GLib.MainLoop()
    bus = dbus.bus.BusConnection(argv[1], mainloop=DBusGMainLoop())
    objects = make_objects(bus)
    name = dbus.service.BusName(bus_name, bus, do_not_queue=True)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, loop.quit)
    print("ready", flush=True)
    loop.run()
    del name, objects
    return 0
