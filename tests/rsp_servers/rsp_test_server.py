#!/usr/bin/env python3
"""lpad's test SM-DP+ and SM-DS (SGP.22 ES9+ / ES11, JSON binding over HTTPS) for integration tests.

  python3 rsp_test_server.py --pki DIR --config CONFIG.json --ready-file FILE [--host 127.0.0.1]

Starts both HTTPS listeners on free ports, writes {"smdp_port": N, "smds_port": M} to FILE
atomically, and serves until SIGTERM/SIGINT. See README.md for the configuration.
"""
from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import signal
import socket
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import certificates  # noqa: E402
from rsp_common import Reply  # noqa: E402
from smdp import Order, SmDpPlus  # noqa: E402
from smds import Event, SmDs  # noqa: E402

log = logging.getLogger("rsp_test_server")
SERVER_PROTOCOL = "gsma/rsp/v2.2.0"


class RspHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as LPAs expect
    server_version = "lpad-test-rsp/1"
    timeout = 60  # seconds of client silence before the connection is dropped (TLS handshake included)

    def log_message(self, format, *args):  # noqa: A002 - the one line per request is ours
        pass

    def _send(self, reply: Reply, function: str) -> None:
        log.info("%s %s -> HTTP %d %s", self.server.role, function, reply.status, reply.outcome)
        payload = json.dumps(reply.body).encode() if reply.body is not None else b""
        self.send_response(reply.status)
        if reply.status != 204:
            self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("X-Admin-Protocol", SERVER_PROTOCOL)
        self.send_header("Content-Length", str(len(payload)))
        if reply.truncate:
            self.send_header("Connection", "close")
        self.end_headers()
        if reply.truncate:
            self.wfile.write(payload[:len(payload) // 2])
            self.wfile.flush()
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self.wfile.write(payload)

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _admin_allowed(self) -> bool:
        """The admin endpoints answer loopback clients only (they have no authentication)."""
        try:
            return ipaddress.ip_address(self.client_address[0]).is_loopback
        except ValueError:
            return False

    def do_GET(self):  # noqa: N802
        if self.path.startswith("/admin/") and not self._admin_allowed():
            return self._send(Reply(403, None, outcome="admin refused: not a loopback client"), self.path)
        if self.path == "/admin/state" and self.server.role == "smdp":
            return self._send(Reply(200, self.server.service.admin_state(), outcome="admin"), "admin/state")
        self._send(Reply(404, None, outcome="not found"), self.path)

    def do_POST(self):  # noqa: N802
        raw = self._read_body()
        if self.path.startswith("/admin/") and not self._admin_allowed():
            return self._send(Reply(403, None, outcome="admin refused: not a loopback client"), self.path)
        if self.path == "/admin/fail-next-notifications" and self.server.role == "smdp":
            try:
                count = int(json.loads(raw or b"{}").get("count", 1))
            except (ValueError, AttributeError):
                return self._send(Reply(400, None, outcome="bad admin request"), "admin")
            self.server.service.fail_next_notifications(count)
            return self._send(Reply(200, {"count": count}, outcome=f"next {count} notification(s) fail"), "admin")
        if self.path == "/admin/arm" and self.server.role == "smdp":
            try:
                matching_id = json.loads(raw or b"{}")["matching_id"]
                self.server.service.arm(matching_id)
            except (ValueError, KeyError, TypeError):
                return self._send(Reply(400, None, outcome="bad admin request or unknown matching ID"), "admin")
            return self._send(Reply(200, {"armed": matching_id}, outcome="next initiateAuthentication armed"), "admin")
        prefix = self.server.prefix
        if not self.path.startswith(prefix):
            return self._send(Reply(404, None, outcome="not found"), self.path)
        function = self.path[len(prefix):]
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        protocol = self.headers.get("X-Admin-Protocol") or ""
        if content_type != "application/json" or not protocol.strip():
            return self._send(Reply(400, None, outcome="missing Content-Type or X-Admin-Protocol"), function)
        try:
            body = json.loads(raw)
            if not isinstance(body, dict):
                raise ValueError("not an object")
        except ValueError:
            return self._send(Reply(400, None, outcome="body is not a JSON object"), function)
        try:
            reply = self.server.service.handle(function, body)
        except Exception as error:  # a bug in the test server must show up, not hang the client
            log.exception("%s %s crashed", self.server.role, function)
            reply = Reply(500, None, outcome=f"internal error {error!r}")
        self._send(reply, function)


class RspHttpsServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, role: str, service, tls_files, prefix: str):
        super().__init__((host, 0), RspHandler)
        self.role, self.service, self.prefix = role, service, prefix
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(*(str(f) for f in tls_files))
        # The handshake happens lazily in the handler thread, so a silent client blocks nobody.
        self.socket = context.wrap_socket(self.socket, server_side=True, do_handshake_on_connect=False)

    def handle_error(self, request, client_address):
        log.debug("%s: connection error from %s: %s", self.role, client_address, sys.exc_info()[1])


def load_config(path: Path) -> dict:
    config = json.loads(path.read_text())
    if not isinstance(config, dict):
        raise ValueError("the configuration must be a JSON object")
    return config


def build_servers(pki_dir: str, config: dict, config_dir: Path, host: str = "127.0.0.1"):
    """Both servers, bound and ready to serve (not yet serving)."""
    pki = certificates.Pki.load(pki_dir)
    smdp_httpd = RspHttpsServer(host, "smdp", None, pki.tls_files("dp"), "/gsma/rsp2/es9plus/")
    smds_httpd = RspHttpsServer(host, "smds", None, pki.tls_files("ds"), "/gsma/rsp2/es11/")
    smdp_address = config.get("smdp_address") or f"smdp.test.lpad:{smdp_httpd.server_address[1]}"
    smds_address = config.get("smds_address") or f"smds.test.lpad:{smds_httpd.server_address[1]}"
    orders = [Order.from_config(entry, config_dir) for entry in config.get("profiles", [])]
    events = [Event(e["eid"], e["event_id"], e.get("rsp_server_address", "{smdp}").replace("{smdp}", smdp_address))
              for e in config.get("events", [])]
    smdp_httpd.service = SmDpPlus(pki, orders, smdp_address)
    smds_httpd.service = SmDs(pki, events, smds_address)
    return smdp_httpd, smds_httpd


def write_ready_file(path: Path, smdp_port: int, smds_port: int) -> None:
    temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"smdp_port": smdp_port, "smds_port": smds_port}))
    os.replace(temporary, path)  # readers never see a half-written file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="lpad's test SM-DP+ and SM-DS")
    parser.add_argument("--pki", required=True, help="PKI folder (tests/pki/make_test_pki.py output)")
    parser.add_argument("--config", required=True, help="profiles and events, JSON")
    parser.add_argument("--ready-file", required=True, help="written with the ports once listening")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="rsp_test_server: %(message)s")

    config_path = Path(args.config)
    try:
        servers = build_servers(args.pki, load_config(config_path), config_path.resolve().parent, args.host)
    except (OSError, ValueError, KeyError) as error:
        print(f"rsp_test_server: {error}", file=sys.stderr)
        return 1
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threads = [threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    smdp_httpd, smds_httpd = servers
    write_ready_file(Path(args.ready_file), smdp_httpd.server_address[1], smds_httpd.server_address[1])
    log.info("SM-DP+ %s on port %d, SM-DS %s on port %d", smdp_httpd.service.address, smdp_httpd.server_address[1],
             smds_httpd.service.auth.address, smds_httpd.server_address[1])
    while not stop.wait(0.5):
        pass
    for server in servers:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
