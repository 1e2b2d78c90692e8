#!/usr/bin/env python3
"""A scripted HTTPS server for the lpad HTTPS client tests (stdlib only).

Usage: rsp_test_server.py CERT KEY RECORDED_DIR
Listens on a free loopback port, prints it on a line of its own, then serves until killed.
What it does depends on the function, the last part of the path (/gsma/rsp2/<if>/<function>):

  initiateAuthentication  the recorded SGP.26 answer (RECORDED_DIR/01-...response.json)
  getBoundProfilePackage  the recorded SGP.26 answer (RECORDED_DIR/03-...response.json)
  echo                    a success answer carrying the request's path, headers and body
  handleNotification      204, no body
  cancelSession           200, a success header only
  authenticateClient      Failed, subject 8.2.6 reason 3.8 (matching ID refused)
  status500               HTTP 500
  drop                    announces 1000 bytes, sends 10, closes the connection
  hang                    reads the request and never answers
"""
import http.server
import json
import os
import socket
import ssl
import sys
import threading
import time

SUCCESS = {"header": {"functionExecutionStatus": {"status": "Executed-Success"}}}
RECORDED = {
    "initiateAuthentication": "01-initiateAuthentication.response.json",
    "getBoundProfilePackage": "03-getBoundProfilePackage.response.json",
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: ctest shows stderr only on failure anyway
        pass

    def send_json(self, status, obj):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("X-Admin-Protocol", "gsma/rsp/v2.2.0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        function = self.path.rsplit("/", 1)[-1]
        if function in RECORDED:
            with open(os.path.join(self.server.recorded, RECORDED[function]), "rb") as f:
                self.send_json(200, json.load(f))
        elif function == "echo":
            answer = dict(SUCCESS)
            answer.update(path=self.path, headers={k.lower(): v for k, v in self.headers.items()},
                          body=body.decode("utf-8", "replace"))
            self.send_json(200, answer)
        elif function == "handleNotification":
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif function == "cancelSession":
            self.send_json(200, SUCCESS)
        elif function == "authenticateClient":
            self.send_json(200, {"header": {"functionExecutionStatus": {
                "status": "Failed",
                "statusCodeData": {"subjectCode": "8.2.6", "reasonCode": "3.8", "message": "Refused"}}}})
        elif function == "status500":
            self.send_json(500, {"error": "internal"})
        elif function == "drop":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b'{"header":')
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif function == "hang":
            time.sleep(3600)
        else:
            self.send_json(404, {})


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # refused handshakes and dropped connections are what the tests provoke


def main():
    cert, key, recorded = sys.argv[1:4]
    server = Server(("127.0.0.1", 0), Handler)
    server.recorded = recorded
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    # Handshakes happen in the handler threads, so a client that refuses the certificate does not
    # block the accept loop.
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sys.stdin.read()  # the test closes our stdin (or dies): time to go
    finally:
        os._exit(0)


if __name__ == "__main__":
    main()
