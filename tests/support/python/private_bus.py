"""A private bus that behaves like the system bus, for daemon tests: its own dbus-daemon with
<type>system</type>, a unix socket in a temporary folder, and a deny-by-default policy modelled on
Debian's /usr/share/dbus-1/system.conf. The only holes are those the test's own uid needs: owning
org.lpad.Lpad1 (the daemon under test), org.freedesktop.PolicyKit1 (the stand-in authority) and
org.freedesktop.ModemManager1 (the fake ModemManager), and calling them. Programs reach it
through DBUS_SYSTEM_BUS_ADDRESS (sd-bus, busctl, gdbus).
"""
import os
import pathlib
import pwd
import shutil
import subprocess
import unittest
from xml.sax.saxutils import quoteattr

from processes import stop_process

CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>

  <policy context="default">
    <allow user="*"/>
    <!-- As system.conf: nobody owns names or sends method calls unless a rule below says so. -->
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
    <deny send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"
          send_member="UpdateActivationEnvironment"/>
  </policy>

  <policy user={user}>
    <allow own="org.lpad.Lpad1"/>
    <allow own="org.freedesktop.PolicyKit1"/>
    <allow own="org.freedesktop.ModemManager1"/>
    <allow send_destination="org.lpad.Lpad1"/>
    <allow send_destination="org.freedesktop.PolicyKit1"/>
    <allow send_destination="org.freedesktop.ModemManager1"/>
  </policy>
</busconfig>
"""


class PrivateBus:
    """dbus-daemon on a socket under `tmp`; `address` is its D-Bus address, `env()` an environment
    whose system bus is this one. stop() ends it."""

    def __init__(self, tmp: pathlib.Path):
        daemon = shutil.which("dbus-daemon")
        if daemon is None:
            raise unittest.SkipTest("dbus-daemon is not installed (Debian package dbus)")
        tmp.mkdir(parents=True, exist_ok=True)
        self.config = tmp / "system-bus.conf"
        self.config.write_text(CONFIG.format(socket=tmp / "system_bus_socket",
                                             user=quoteattr(pwd.getpwuid(os.getuid()).pw_name)))
        self.log_path = tmp / "dbus-daemon.log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([daemon, "--config-file", str(self.config), "--nofork", "--nopidfile", "--nosyslog",
                                      "--print-address=1"],
                                     stdout=subprocess.PIPE, stderr=self.log, stdin=subprocess.DEVNULL, text=True)
        self.address = self.proc.stdout.readline().strip()
        if not self.address:
            self.stop()
            raise RuntimeError("dbus-daemon did not start: " + self.log_path.read_text())

    def env(self, base=None):
        env = dict(os.environ if base is None else base)
        env["DBUS_SYSTEM_BUS_ADDRESS"] = self.address
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # nothing under test may reach a real bus by mistake
        return env

    def stop(self):
        stop_process(self.proc)
        self.proc.stdout.close()
        self.log.close()
