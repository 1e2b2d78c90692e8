#!/usr/bin/env python3
"""A stand-in polkit authority for daemon tests: owns org.freedesktop.PolicyKit1 on a private bus
and answers org.freedesktop.PolicyKit1.Authority.CheckAuthorization on
/org/freedesktop/PolicyKit1/Authority with the real signature, ((sa{sv})sa{ss}us) -> ((bba{ss})),
from a policy the test sets. It records every check so tests can assert which action was asked
about and for which subject.

Why not the real polkitd: it must run as root with the system's polkit configuration, and it
decides from logind's sessions (active, local, inactive), which a test machine or CI container
does not have; it would also read the rules of the machine rather than the test's. This program
answers as polkitd would for the identities the tests need, and nothing else.

Policies (per caller; a caller is the subject's bus name):
  admin         every action: authorized
  unprivileged  as polkit's defaults (lpad/polkit/org.lpad.Lpad1.policy) answer a caller in no
                active local session: org.lpad.Lpad1.read yes, everything else no
  challenge     org.lpad.Lpad1.read yes, everything else "needs a password" (is_challenge true),
                as polkitd answers auth_admin when no authentication agent can ask
  password      org.lpad.Lpad1.read yes, everything else yes when the call allows user interaction
                (flag 1: the user's agent asked and the right password was typed), else "needs a password"

Test-only interface org.lpad.Test.PolkitStandIn on the same object:
  SetDefaultPolicy(s policy)           the policy of callers without their own (initially "admin")
  SetCallerPolicy(s bus_name, s policy) the policy of one caller ("" policy: back to the default)
  Checks() -> s                         JSON list of the checks so far, oldest first: {action_id,
                                        subject_kind, subject (dict), details, flags, cancellation_id,
                                        asked_by (the unique name that called), authorized, challenge}
  ClearChecks()

Usage: polkit_authority.py BUS_ADDRESS ; prints "ready" once it owns the name; SIGTERM ends it.
"""
import json
import sys

import dbus
import dbus.service

from stand_in_service import serve

NAME = "org.freedesktop.PolicyKit1"
PATH = "/org/freedesktop/PolicyKit1/Authority"
AUTHORITY = "org.freedesktop.PolicyKit1.Authority"
TEST = "org.lpad.Test.PolkitStandIn"
READ_ACTION = "org.lpad.Lpad1.read"
POLICIES = ("admin", "unprivileged", "challenge", "password")


def plain(value):
    """dbus-python values as JSON-friendly Python values."""
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, (dbus.String, dbus.ObjectPath, dbus.Signature)):
        return str(value)
    if isinstance(value, (dbus.Byte, dbus.Int16, dbus.Int32, dbus.Int64, dbus.UInt16, dbus.UInt32, dbus.UInt64)):
        return int(value)
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


class Authority(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, PATH)
        self.default_policy = "admin"
        self.caller_policies = {}
        self.checks = []

    def answer(self, policy, action_id, flags):
        """(is_authorized, is_challenge)"""
        if policy == "admin" or action_id == READ_ACTION:
            return True, False
        if policy == "challenge":
            return False, True
        if policy == "password":
            return (True, False) if flags & 1 else (False, True)
        return False, False

    @dbus.service.method(AUTHORITY, in_signature="(sa{sv})sa{ss}us", out_signature="(bba{ss})", sender_keyword="sender")
    def CheckAuthorization(self, subject, action_id, details, flags, cancellation_id, sender=None):  # noqa: N802
        kind, subject_details = str(subject[0]), plain(subject[1])
        name = subject_details.get("name") if kind == "system-bus-name" else None
        policy = self.caller_policies.get(name, self.default_policy)
        authorized, challenge = self.answer(policy, str(action_id), int(flags))
        self.checks.append({"action_id": str(action_id), "subject_kind": kind, "subject": subject_details,
                            "details": plain(details), "flags": int(flags), "cancellation_id": str(cancellation_id),
                            "asked_by": str(sender), "authorized": authorized, "challenge": challenge})
        return (dbus.Boolean(authorized), dbus.Boolean(challenge), dbus.Dictionary({}, signature="ss"))

    @dbus.service.method(AUTHORITY, in_signature="s", out_signature="")
    def CancelCheckAuthorization(self, cancellation_id):  # noqa: N802
        pass  # every answer above is immediate: there is never a check left to cancel

    @dbus.service.method(TEST, in_signature="s", out_signature="")
    def SetDefaultPolicy(self, policy):  # noqa: N802
        self.default_policy = self._policy(policy)

    @dbus.service.method(TEST, in_signature="ss", out_signature="")
    def SetCallerPolicy(self, bus_name, policy):  # noqa: N802
        if policy:
            self.caller_policies[str(bus_name)] = self._policy(policy)
        else:
            self.caller_policies.pop(str(bus_name), None)

    @dbus.service.method(TEST, in_signature="", out_signature="s")
    def Checks(self):  # noqa: N802
        return json.dumps(self.checks)

    @dbus.service.method(TEST, in_signature="", out_signature="")
    def ClearChecks(self):  # noqa: N802
        self.checks.clear()

    @staticmethod
    def _policy(policy):
        if policy not in POLICIES:
            raise dbus.exceptions.DBusException(f"unknown policy {policy!r}; one of {POLICIES}",
                                                name="org.freedesktop.DBus.Error.InvalidArgs")
        return str(policy)


if __name__ == "__main__":
    sys.exit(serve(sys.argv, NAME, Authority))
