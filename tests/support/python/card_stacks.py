"""The software eUICC behind the real stacks, for Python integration tests: the `veuicc` program
as a card behind a private pcscd (socket activation, its own socket, a vpcd reader), or as a
modem on a pseudo-terminal. Each Card is stopped by stop().
"""
import os
import pathlib
import random
import signal
import socket
import subprocess
import time
import unittest


def free_port_pair() -> int:
    for _ in range(100):
        port = random.randint(36000, 60000)
        try:
            with socket.socket() as a, socket.socket() as b:
                a.bind(("127.0.0.1", port))
                b.bind(("127.0.0.1", port + 1))
            return port
        except OSError:
            continue
    raise RuntimeError("no free port pair")


class Card:
    """mode: "pcsc", or an AT mode ("ccho", "csim") for the pty modem."""

    def __init__(self, veuicc: pathlib.Path, identity: pathlib.Path, state: pathlib.Path, tmp: pathlib.Path, mode: str):
        self.veuicc, self.identity, self.state, self.tmp = veuicc, identity, state, tmp
        self.processes, self.files, self.env = [], [], dict(os.environ)
        if mode == "pcsc":
            self._start_pcscd()
            self._start_veuicc(["--vpcd", f"127.0.0.1:{self.port}"])
            self.device_args = ["--backend", "pcsc", "--device", "lpad veuicc 00 00"]
        else:
            proc = self._start_veuicc(["--pty"])
            tty = proc.stdout.readline().strip()
            self.device_args = ["--backend", "at", "--device", tty, "--at-mode", mode]

    def _start_pcscd(self):
        if not pathlib.Path("/usr/sbin/pcscd").exists():
            raise unittest.SkipTest("pcscd is not installed")
        self.port = free_port_pair()
        conf = self.tmp / "reader.conf"
        conf.write_text(f'FRIENDLYNAME "lpad veuicc"\nDEVICENAME /dev/null:{self.port}\n'
                        f"LIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID {self.port}\n")
        sock_path = str(self.tmp / "pcscd.comm")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(sock_path)
        listener.listen(16)
        # Socket activation: the listening socket as fd 3, LISTEN_PID = pcscd's own pid. The socket
        # goes in as stdin and the shell moves it to fd 3 as it execs pcscd ($$ is then pcscd's pid).
        # Not pass_fds with a dup2 in preexec_fn: Popen closes the fds outside pass_fds after
        # preexec_fn, so fd 3 was gone whenever the socket was not fd 3 here already (under ctest,
        # which leaves its log open as fd 3). pcscd then found no socket and served the system one,
        # /run/pcscd/pcscd.comm, while lpa waited on ours for an answer that never came.
        env = {k: v for k, v in os.environ.items() if not k.startswith("LISTEN_")}
        env["LISTEN_FDS"] = "1"
        log = open(self.tmp / "pcscd.log", "w")
        self.files.append(log)
        proc = subprocess.Popen(["sh", "-c", 'LISTEN_PID=$$ exec /usr/sbin/pcscd -f -c "$1" 3<&0 0</dev/null', "sh", conf],
                                env=env, stdin=listener.fileno(), stdout=log, stderr=log)
        listener.close()
        self.processes.append(proc)
        self.env["PCSCLITE_CSOCK_NAME"] = sock_path
        time.sleep(0.3)
        if proc.poll() is not None:
            raise unittest.SkipTest("pcscd could not start here: " + (self.tmp / "pcscd.log").read_text())

    def _start_veuicc(self, transport_args):
        log = open(self.tmp / "veuicc.log", "w")
        self.files.append(log)
        proc = subprocess.Popen([str(self.veuicc), "--identity", str(self.identity), "--state", str(self.state)] + transport_args,
                                stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL, text=True)
        self.processes.append(proc)
        return proc

    def insert_card(self, identity: pathlib.Path, state: pathlib.Path, log: pathlib.Path):
        """pcsc: a second software eUICC, in the reader's second slot (vpcd serves slot 1 on port + 1,
        reader "lpad veuicc 00 01"); returns its process: terminate it to take the card out."""
        log_file = open(log, "w")
        self.files.append(log_file)
        proc = subprocess.Popen([str(self.veuicc), "--identity", str(identity), "--state", str(state), "--vpcd",
                                 f"127.0.0.1:{self.port + 1}"], stdout=subprocess.DEVNULL, stderr=log_file,
                                stdin=subprocess.DEVNULL)
        self.processes.append(proc)
        return proc

    def run(self, lpa: pathlib.Path, args, timeout=60, stdin_text=None):
        return subprocess.run([str(lpa), "--direct"] + self.device_args + list(args), env=self.env, capture_output=True,
                              text=True, timeout=timeout, input=stdin_text if stdin_text is not None else "")

    def wait_until_ready(self, lpa: pathlib.Path):
        deadline = time.monotonic() + 15
        while True:
            result = self.run(lpa, ["--json", "info"], timeout=20)
            if result.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise AssertionError("the card never answered: " + result.stdout + result.stderr)
            time.sleep(0.2)

    def stop(self):
        for proc in reversed(self.processes):
            proc.send_signal(signal.SIGTERM)
        for proc in self.processes:
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout:
                proc.stdout.close()
        for f in self.files:
            f.close()
