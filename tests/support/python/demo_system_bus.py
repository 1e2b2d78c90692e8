#!/usr/bin/env python3
"""A private system-like bus with a polkit stand-in that authorizes everything, for `./dev demo`:
lpad serves on it as it would on the system bus, without root and without touching the machine's
bus. Prints the bus address, then runs until SIGTERM.

Usage: demo_system_bus.py DIR
"""
import pathlib
import signal
import subprocess
import sys

from private_bus import PrivateBus
from processes import stop_process

HERE = pathlib.Path(__file__).resolve().parent


def main():
    bus = PrivateBus(pathlib.Path(sys.argv[1]))
    authority = subprocess.Popen([sys.executable, str(HERE / "polkit_authority.py"), bus.address],
                                 stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    if authority.stdout.readline().strip() != "ready":
        bus.stop()
        sys.exit("the polkit stand-in did not start")
    print(bus.address, flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    stop_process(authority)
    bus.stop()


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    main()
