"""The test SM-DS: ES11 initiateAuthentication / authenticateClient, answering the events
registered for the authenticated eUICC's EID."""
from __future__ import annotations

import threading
from dataclasses import dataclass

import certificates
from rsp_common import AuthServer, Failure, Reply, failed, field_bytes, field_tid, parse_der, success


@dataclass
class Event:
    eid: str
    event_id: str
    rsp_server_address: str


class SmDs:
    def __init__(self, pki: certificates.Pki, events: list[Event], address: str):
        if pki.ds_auth is None:
            raise FileNotFoundError("the PKI folder has no CERT_S_SM_DSauth_ECDSA_NIST.der")
        self.auth = AuthServer(pki, pki.ds_auth, pki.ds_auth_key, address, "smdsAddress")
        self.events = events
        self.lock = threading.RLock()

    def handle(self, function: str, body: dict) -> Reply:
        with self.lock:
            session = None
            try:
                if function == "initiateAuthentication":
                    session, response = self.auth.initiate_authentication(body)
                    return Reply(200, response, outcome=f"ok tid={session.tid.hex().upper()}")
                if function == "authenticateClient":
                    session = self.auth.session_for(field_tid(body), "initiated")
                    response = parse_der(field_bytes(body, "authenticateServerResponse"), 0xBF38,
                                         "authenticateServerResponse")
                    client = self.auth.check_authenticate_server_response(session, response)
                    session.state = "authenticated"
                    entries = [{"eventId": e.event_id, "rspServerAddress": e.rsp_server_address}
                               for e in self.events if e.eid.upper() == client.eid.upper()]
                    return Reply(200, success(eventEntries=entries), outcome=f"ok {len(entries)} event(s)")
                return Reply(404, None, outcome="unknown function")
            except Failure as failure:
                if session is not None:
                    session.state = failure.end_state
                return Reply(200, failed(failure), outcome=f"Failed {failure.subject}/{failure.reason} ({failure.message})")
