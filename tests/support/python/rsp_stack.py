"""The test SM-DP+ and SM-DS (tests/rsp_servers) as a running program for Python integration tests,
with a fresh test PKI (tests/pki), shared by the direct-mode download tests and the daemon tests.

Servers(tmp, source, profiles, events) starts them on loopback HTTPS; stop() ends them.
"""
import http.client
import json
import pathlib
import ssl
import subprocess
import sys
import time

from processes import stop_process

# Session states of the test SM-DP+ in which the eUICC and the server still hold the session.
OPEN_STATES = {"initiated", "authenticated", "bpp-sent"}

# SGP.22 CancelSessionReason values, as the test SM-DP+ records them in a session's cancel_reason.
CANCEL_END_USER_REJECTION, CANCEL_POSTPONED, CANCEL_TIMEOUT = 0, 1, 2


class Servers:
    """The test SM-DP+ and SM-DS program, with the test PKI it was started with.

    profiles: matching ID -> (UPP file path, extra order configuration, see tests/rsp_servers/README.md).
    events: event IDs (matching IDs of `profiles`) the SM-DS holds for the test eUICC at the SM-DP+.
    """

    def __init__(self, tmp: pathlib.Path, source: pathlib.Path, profiles: dict, events=()):
        self.pki = tmp / "pki"
        subprocess.run([sys.executable, str(source / "tests" / "pki" / "make_test_pki.py"), str(self.pki)], check=True,
                       capture_output=True)
        self.eid = json.loads((self.pki / "pki.json").read_text())["eid"]
        config = {
            "profiles": [dict({"matching_id": mid, "upp": str(upp), "service_provider": "lpad test operator",
                               "profile_name": f"Test {mid}"}, **extra) for mid, (upp, extra) in profiles.items()],
            "events": [{"eid": self.eid, "event_id": event, "rsp_server_address": "{smdp}"} for event in events],
        }
        (tmp / "servers.json").write_text(json.dumps(config))
        ready = tmp / "ready.json"
        self.log_path = tmp / "servers.log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([sys.executable, str(source / "tests" / "rsp_servers" / "rsp_test_server.py"), "--pki",
                                      str(self.pki), "--config", str(tmp / "servers.json"), "--ready-file", str(ready)],
                                     stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 20
        while not ready.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the test servers did not start: " + self.log_path.read_text())
            time.sleep(0.1)
        ports = json.loads(ready.read_text())
        self.smdp_port, self.smds_port = ports["smdp_port"], ports["smds_port"]
        self.smdp = f"smdp.test.lpad:{self.smdp_port}"
        self.smds = f"smds.test.lpad:{self.smds_port}"

    def resolve_entries(self):
        """HOST:PORT:ADDRESS entries (curl's --resolve) that send both server names to loopback."""
        return [f"smdp.test.lpad:{self.smdp_port}:127.0.0.1", f"smds.test.lpad:{self.smds_port}:127.0.0.1"]

    def lpa_server_args(self):
        args = ["--tls-ca", str(self.pki / "ci.pem")]
        for entry in self.resolve_entries():
            args += ["--resolve", entry]
        return args + ["--http-timeout", "20"]

    def activation_code(self, matching_id, cc_flag=False, host=None):
        address = f"{host}:{self.smdp_port}" if host else self.smdp
        return f"LPA:1${address}${matching_id}" + ("$$1" if cc_flag else "")

    def admin(self, method="GET", path="/admin/state", body=None):
        context = ssl.create_default_context(cafile=str(self.pki / "ci.pem"))
        context.check_hostname = False
        conn = http.client.HTTPSConnection("127.0.0.1", self.smdp_port, context=context, timeout=10)
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json"})
        answer = conn.getresponse().read()
        conn.close()
        return json.loads(answer) if answer else None

    def sessions(self, matching_id):
        return [s for s in self.admin()["sessions"] if s["matching_id"] == matching_id]

    def open_sessions(self, matching_id):
        return [s for s in self.sessions(matching_id) if s["state"] in OPEN_STATES]

    def cancel_reasons(self, matching_id):
        return [s["cancel_reason"] for s in self.sessions(matching_id) if s["state"] == "cancelled"]

    def stop(self):
        stop_process(self.proc)
        self.log.close()


def swap_nibbles(digits: str) -> str:
    return "".join(digits[i + 1] + digits[i] for i in range(0, len(digits), 2))


def upp_with_iccid(upp: pathlib.Path, iccid: str, out: pathlib.Path) -> pathlib.Path:
    """A copy of a TS.48 UPP whose ICCID is `iccid` (19 digits), so that several profiles made from
    one UPP can sit on one card: the ICCID is in the ProfileHeader (printed order, F-padded) and in
    EF.ICCID (nibble-swapped); both are replaced, byte for byte, so every length stays as it was."""
    if len(iccid) != 19 or not iccid.isdigit():
        raise ValueError(f"ICCID {iccid!r}: 19 digits expected")
    data = upp.read_bytes()
    header = data.find(b"\x83\x0a", 0, 256)  # inside the ProfileHeader, the first element
    if header < 0:
        raise ValueError(f"{upp}: no ICCID in its ProfileHeader")
    old = data[header + 2:header + 12].hex()
    new = iccid.lower() + "f"
    replaced = data
    for before, after in ((old, new), (swap_nibbles(old), swap_nibbles(new))):
        if replaced.count(bytes.fromhex(before)) != 1:
            raise ValueError(f"{upp}: ICCID {before} does not occur exactly once")
        replaced = replaced.replace(bytes.fromhex(before), bytes.fromhex(after))
    out.write_bytes(replaced)
    return out
