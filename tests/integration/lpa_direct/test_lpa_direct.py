#!/usr/bin/env python3
"""End to end: `lpa --direct` against the software eUICC through the real stacks.

PC/SC: a private pcscd (socket activation, its own socket, a vpcd reader on a free port) with the
`veuicc` program as the card behind vpcd. AT: the `veuicc` program as a modem on a pseudo-terminal.
Both are started by tests/support/python/card_stacks.py.
The card starts from a state file written here with two profiles (built from the recorded
StoreMetadataRequest in ../shared/vectors with a small TLV encoder of this test's own).
Arguments: LPA_BINARY VEUICC_BINARY SHARED_DIR (given by ctest).
"""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest

LPA, VEUICC, SHARED = (pathlib.Path(p) for p in sys.argv[1:4])
del sys.argv[1:4]
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "support" / "python"))
from card_stacks import Card  # noqa: E402

IDENTITY = SHARED / "pki" / "sgp26"
EID = "89049032123451234512345678901235"
ICCID_1 = "8949449999999990049"   # operational, from StoreMetadataRequest-recorded, notifies enable/disable/delete
ICCID_2 = "89000123456789012341"  # test profile, no notifications


def tlv(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    n = len(value)
    length = bytes([n]) if n < 0x80 else bytes([0x80 | ((n.bit_length() + 7) // 8)]) + n.to_bytes((n.bit_length() + 7) // 8, "big")
    return tag_bytes + length + value


def swapped_bcd(iccid: str) -> bytes:
    digits = iccid + "F" * (20 - len(iccid))
    return bytes(int(digits[i + 1] + digits[i], 16) for i in range(0, 20, 2))


def recorded_metadata() -> str:
    doc = json.loads((SHARED / "vectors" / "es10-structures.json").read_text())
    return next(s["der_hex"] for s in doc["structures"] if s["name"] == "StoreMetadataRequest-recorded")


def test_profile_metadata() -> str:
    body = tlv(0x5A, swapped_bcd(ICCID_2)) + tlv(0x91, b"Test SP") + tlv(0x92, b"Test Profile 2") + tlv(0x95, b"\x00")
    return tlv(0xBF25, body).hex()


def write_state(path: pathlib.Path) -> None:
    def profile(metadata, aid, state):
        return {"metadata": metadata, "isdp_aid": aid, "state": state, "nickname": None, "smdp_oid": "2.999.10",
                "smdp_address": "testsmdpplus1.example.com", "package": "00" * 2000}
    state = {
        "format": 1,
        "configuration": {"svn": "020202", "firmware_version": "010000", "profile_version": "020301",
                          "total_nvm": 524288, "free_ram": 32768, "max_profiles": 8},
        "profiles": [profile(recorded_metadata(), "A0000005591010FFFFFFFF8900001000", "enabled"),
                     profile(test_profile_metadata(), "A0000005591010FFFFFFFF8900001100", "disabled")],
        "notifications": [], "next_seq_number": 1, "next_isdp_number": 4608,
        "default_dp_address": None, "root_ds_address": "lpa.ds.gsma.com",
    }
    path.write_text(json.dumps(state))


class LpaDirect:
    """The same specification for every way of reaching the card."""
    mode = None

    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="lpad-lpa-direct-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)
        write_state(self.tmp / "card.json")
        self.card = Card(VEUICC, IDENTITY, self.tmp / "card.json", self.tmp, self.mode)
        self.addCleanup(self.card.stop)
        self.card.wait_until_ready(LPA)

    def lpa(self, *args, check=True):
        # The profiles name testsmdpplus1.example.com, which does not resolve here: notification
        # delivery is the download test's subject (tests/integration/download).
        result = self.card.run(LPA, ["--no-notify"] + list(args), timeout=20)
        if check and result.returncode != 0:
            raise AssertionError(f"lpa {' '.join(args)} failed ({result.returncode}): {result.stdout}{result.stderr}")
        return result

    def lpa_json(self, *args):
        return json.loads(self.lpa("--json", *args).stdout)

    def states(self):
        return {p["iccid"]: p["state"] for p in self.lpa_json("list")["profiles"]}

    def test_info_prints_the_eid_and_euicc_info2(self):
        info = self.lpa_json("info")
        self.assertEqual(info["eid"], EID)
        self.assertEqual(info["euicc_info2"]["svn"], "2.2.2")
        self.assertIn("F54172BDF98A95D65CBEB88A38A1C11D800A85C3", info["euicc_info2"]["ci_pkids_for_verification"])
        self.assertEqual(info["configured_addresses"]["root_smds_address"], "lpa.ds.gsma.com")

    def test_list_shows_both_profiles(self):
        profiles = self.lpa_json("list")["profiles"]
        self.assertEqual([p["iccid"] for p in profiles], [ICCID_1, ICCID_2])
        self.assertEqual(profiles[0]["profile_name"], "TS48V2-SAIP2-1-BERTLV-UNIQUE")
        self.assertEqual(profiles[1]["profile_class"], "test")

    def test_enable_and_disable_round_trip(self):
        self.lpa("enable", ICCID_2)
        self.assertEqual(self.states(), {ICCID_1: "disabled", ICCID_2: "enabled"})
        self.lpa("disable", "Test Profile 2")  # by name
        self.assertEqual(self.states(), {ICCID_1: "disabled", ICCID_2: "disabled"})

    def test_nickname_round_trip(self):
        self.lpa("nickname", ICCID_2, "Travel")
        self.assertEqual(self.lpa_json("list")["profiles"][1]["nickname"], "Travel")
        self.lpa("enable", "Travel")
        self.assertEqual(self.states()[ICCID_2], "enabled")

    def test_delete_removes_a_disabled_profile_and_refuses_the_enabled_one(self):
        refused = self.lpa("--json", "delete", ICCID_1, check=False)
        self.assertEqual(refused.returncode, 1)
        self.assertEqual(json.loads(refused.stdout)["error"]["code"], "es10.profile-wrong-state")
        self.lpa("delete", ICCID_2)
        self.assertEqual(list(self.states()), [ICCID_1])

    def test_disabling_a_notifying_profile_leaves_a_notification_that_can_be_removed(self):
        self.lpa("disable", ICCID_1)
        notifications = self.lpa_json("notifications", "list")["notifications"]
        self.assertEqual([(n["operation"], n["iccid"]) for n in notifications], [("disable", ICCID_1)])
        self.lpa("notifications", "remove", "--all")
        self.assertEqual(self.lpa_json("notifications", "list")["notifications"], [])

    def test_default_smdp_is_set_and_cleared(self):
        self.assertEqual(self.lpa_json("default-smdp", "smdp.test.lpad")["default_smdp_address"], "smdp.test.lpad")
        self.assertIsNone(self.lpa_json("default-smdp", "--clear")["default_smdp_address"])

    def test_unknown_profile_is_a_clear_error(self):
        result = self.lpa("enable", "no-such-profile", check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("no profile", result.stderr)

    def test_reset_of_test_profiles_keeps_operational_ones(self):
        self.lpa("reset", "--yes", "--test-profiles")
        self.assertEqual(list(self.states()), [ICCID_1])


class LpaDirectPcsc(LpaDirect, unittest.TestCase):
    mode = "pcsc"


class LpaDirectAtLogicalChannels(LpaDirect, unittest.TestCase):
    mode = "ccho"


class LpaDirectAtCsim(LpaDirect, unittest.TestCase):
    mode = "csim"


class LpaWithoutCard(unittest.TestCase):
    def test_help_works_with_no_card(self):
        result = subprocess.run([str(LPA), "--help"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0)
        self.assertIn("enable", result.stdout)

    def test_missing_device_is_a_clear_error(self):
        result = subprocess.run([str(LPA), "--direct", "--backend", "at", "--device", "/dev/nonexistent-modem", "info"],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 1)
        self.assertIn("/dev/nonexistent-modem", result.stderr)

    def test_a_pcscd_that_never_answers_is_a_timeout_not_a_hang(self):
        # A socket nobody serves: the connection lands in its backlog and then nothing comes, as
        # when a private pcscd had not taken the socket handed to it. pcsc-lite alone waits for ever.
        with tempfile.TemporaryDirectory(prefix="lpad-silent-pcscd-") as tmp, \
                socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as silent:
            path = os.path.join(tmp, "pcscd.comm")
            silent.bind(path)
            silent.listen(16)
            started = time.monotonic()
            result = subprocess.run([str(LPA), "--direct", "--backend", "pcsc", "--json", "info"],
                                    env=dict(os.environ, PCSCLITE_CSOCK_NAME=path), capture_output=True, text=True,
                                    timeout=30)
        self.assertLess(time.monotonic() - started, 15)
        self.assertEqual(result.returncode, 1)
        error = json.loads(result.stdout)["error"]
        self.assertEqual(error["code"], "apdu.timeout")
        self.assertIn(path, error["message"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
