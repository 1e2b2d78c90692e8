"""Tests of tests/pki/make_test_pki.py: generate into a temporary folder and check the result
against the SGP.22 v2 section 4.5.2 certificate profiles.

Standard library + python3-cryptography only; works with Debian 12's cryptography 38 (no
x509.verification, no verify_directly_issued_by) and newer. Uses the openssl command line for
RFC 5280 path validation and Python's ssl module for real loopback TLS handshakes.
"""

from __future__ import annotations

import datetime
import ipaddress
import json
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import unittest
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, SignatureAlgorithmOID

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_test_pki as pki  # noqa: E402  (the module under test, beside this file)

GENERATOR = HERE / "make_test_pki.py"
SHARED_DIR = Path(os.environ.get("LPAD_SHARED_DIR", HERE.parents[1].parent / "shared"))
SGP26_DIR = SHARED_DIR / "pki" / "sgp26"
UTC = datetime.timezone.utc


def run_generator(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(GENERATOR), *arguments],
                          capture_output=True, text=True, timeout=60)


def load_certificate(path: Path) -> x509.Certificate:
    data = path.read_bytes()
    if path.suffix == ".pem":
        return x509.load_pem_x509_certificate(data)
    return x509.load_der_x509_certificate(data)


def extension(certificate: x509.Certificate, kind):
    return certificate.extensions.get_extension_for_class(kind)


def valid_from(certificate: x509.Certificate) -> datetime.datetime:
    if hasattr(certificate, "not_valid_before_utc"):  # cryptography >= 42
        return certificate.not_valid_before_utc
    return certificate.not_valid_before.replace(tzinfo=UTC)


def valid_until(certificate: x509.Certificate) -> datetime.datetime:
    if hasattr(certificate, "not_valid_after_utc"):
        return certificate.not_valid_after_utc
    return certificate.not_valid_after.replace(tzinfo=UTC)


def is_signed_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        issuer.public_key().verify(certificate.signature, certificate.tbs_certificate_bytes,
                                   ec.ECDSA(certificate.signature_hash_algorithm))
    except Exception:  # InvalidSignature, or a key of another type
        return False
    return certificate.issuer == issuer.subject


def attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> list[str]:
    return [item.value for item in name.get_attributes_for_oid(oid)]


def within_eum_name_constraints(euicc: x509.Certificate, eum: x509.Certificate) -> bool:
    """SGP.22 4.5.2.2: some permitted directoryName of the EUM has the eUICC's O, and the
    eUICC's serialNumber (the EID) starts with its serialNumber (the EID prefix)."""
    constraints = extension(eum, x509.NameConstraints).value
    eid = attribute(euicc.subject, NameOID.SERIAL_NUMBER)
    organisation = attribute(euicc.subject, NameOID.ORGANIZATION_NAME)
    for subtree in constraints.permitted_subtrees or []:
        if not isinstance(subtree, x509.DirectoryName):
            continue
        prefixes = attribute(subtree.value, NameOID.SERIAL_NUMBER)
        if (len(eid) == 1 and attribute(subtree.value, NameOID.ORGANIZATION_NAME) == organisation
                and len(prefixes) == 1 and eid[0].startswith(prefixes[0])):
            return True
    return False


def openssl_verify(certificate: Path, trust_anchor: Path, *options: str) -> subprocess.CompletedProcess:
    """RFC 5280 path validation by OpenSSL; DER certificates are converted to PEM first."""
    with tempfile.TemporaryDirectory() as scratch:
        target = certificate
        if certificate.suffix != ".pem":
            target = Path(scratch) / (certificate.stem + ".pem")
            target.write_bytes(load_certificate(certificate).public_bytes(serialization.Encoding.PEM))
        return subprocess.run(["openssl", "verify", "-x509_strict", *options, "-CAfile",
                               str(trust_anchor), str(target)], capture_output=True, text=True, timeout=30)


def tls_handshake(cert_file: Path, key_file: Path, trust_anchor: Path, server_hostname: str) -> dict:
    """A real TLS handshake on 127.0.0.1: the client trusts only the CI and checks the host name.
    Returns the verified peer certificate; raises ssl.SSLCertVerificationError on a mismatch."""
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(str(cert_file), str(key_file))
    client_context = ssl.create_default_context(cafile=str(trust_anchor))
    client_context.verify_flags |= ssl.VERIFY_X509_STRICT  # Python 3.13's default; be ready for it

    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(10)

        def serve_one() -> None:
            try:
                connection, _ = listener.accept()
                connection.settimeout(10)
                with server_context.wrap_socket(connection, server_side=True) as tls:
                    tls.recv(1)
            except (OSError, ssl.SSLError):
                pass  # the client gave up on a certificate it rejected

        server = threading.Thread(target=serve_one, daemon=True)
        server.start()
        try:
            with socket.create_connection(listener.getsockname(), timeout=10) as raw:
                with client_context.wrap_socket(raw, server_hostname=server_hostname) as tls:
                    return tls.getpeercert()
        finally:
            server.join(timeout=10)


class GeneratedPkiTest(unittest.TestCase):
    """One generation with the defaults, checked from every side."""

    @classmethod
    def setUpClass(cls) -> None:
        cls.scratch = tempfile.TemporaryDirectory()
        cls.folder = Path(cls.scratch.name) / "pki"
        result = run_generator(str(cls.folder))
        if result.returncode != 0:
            raise AssertionError(f"generator failed: {result.stderr}")
        cls.manifest = json.loads((cls.folder / "pki.json").read_text(encoding="utf-8"))
        cls.files = cls.manifest["files"]

    @classmethod
    def tearDownClass(cls) -> None:
        cls.scratch.cleanup()

    def path(self, role: str) -> Path:
        return self.folder / self.files[role]

    def certificate(self, role: str) -> x509.Certificate:
        return load_certificate(self.path(role))

    # -- layout ------------------------------------------------------------------------------

    def test_every_file_is_written_under_its_sgp26_name(self) -> None:
        expected = {
            "CERT_CI_ECDSA_NIST.der", "SK_CI_ECDSA_NIST.pem", "ci.pem",
            "CERT_EUM_ECDSA_NIST.der", "SK_EUM_ECDSA_NIST.pem",
            "CERT_EUICC_ECDSA_NIST.der", "SK_EUICC_ECDSA_NIST.pem",
            "CERT_S_SM_DPauth_ECDSA_NIST.der", "SK_S_SM_DPauth_ECDSA_NIST.pem",
            "CERT_S_SM_DPpb_ECDSA_NIST.der", "SK_S_SM_DPpb_ECDSA_NIST.pem",
            "CERT_S_SM_DP_TLS.pem", "SK_S_SM_DP_TLS.pem",
            "CERT_S_SM_DSauth_ECDSA_NIST.der", "SK_S_SM_DSauth_ECDSA_NIST.pem",
            "CERT_S_SM_DS_TLS.pem", "SK_S_SM_DS_TLS.pem", "pki.json",
        }
        self.assertEqual(expected, {entry.name for entry in self.folder.iterdir()})
        self.assertEqual(expected - {"pki.json"}, set(self.files.values()))

    def test_der_files_are_der_and_ci_pem_is_the_ci(self) -> None:
        for role, file_name in self.files.items():
            if file_name.endswith(".der"):
                self.assertEqual(0x30, self.path(role).read_bytes()[0], file_name)
        self.assertEqual(self.certificate("ci_cert"), self.certificate("ci_pem"))

    def test_private_keys_are_p256_in_sgp26_format_and_match_their_certificates(self) -> None:
        for role in self.files:
            if not role.endswith("_key"):
                continue
            data = self.path(role).read_bytes()
            self.assertTrue(data.startswith(b"-----BEGIN EC PARAMETERS-----"), role)
            self.assertIn(b"-----BEGIN EC PRIVATE KEY-----", data, role)
            key = serialization.load_pem_private_key(data, password=None)
            self.assertIsInstance(key.curve, ec.SECP256R1, role)
            certificate = self.certificate(role.replace("_key", "_cert"))
            self.assertEqual(certificate.public_key().public_numbers(), key.public_key().public_numbers(), role)

    # -- chains ------------------------------------------------------------------------------

    def test_ci_signed_certificates_pass_openssl_path_validation(self) -> None:
        for role in ("ci_cert", "eum_cert", "dp_auth_cert", "dp_pb_cert", "ds_auth_cert"):
            result = openssl_verify(self.path(role), self.path("ci_pem"))
            self.assertEqual(0, result.returncode, f"{role}: {result.stdout}{result.stderr}")
        for role in ("dp_tls_cert", "ds_tls_cert"):
            result = openssl_verify(self.path(role), self.path("ci_pem"), "-purpose", "sslserver")
            self.assertEqual(0, result.returncode, f"{role}: {result.stdout}{result.stderr}")

    def test_euicc_chain_verifies_under_sgp22_rules(self) -> None:
        # OpenSSL's RFC 5280 name constraint matching rejects any SGP.22 EUM chain (SGP.26's too),
        # so the eUICC -> EUM -> CI chain is checked link by link, as an SM-DP+ does.
        ci, eum, euicc = (self.certificate(role) for role in ("ci_cert", "eum_cert", "euicc_cert"))
        self.assertTrue(is_signed_by(ci, ci))
        self.assertTrue(is_signed_by(eum, ci))
        self.assertTrue(is_signed_by(euicc, eum))
        self.assertFalse(is_signed_by(euicc, ci))
        self.assertEqual(extension(ci, x509.SubjectKeyIdentifier).value.digest,
                         extension(eum, x509.AuthorityKeyIdentifier).value.key_identifier)
        self.assertEqual(extension(eum, x509.SubjectKeyIdentifier).value.digest,
                         extension(euicc, x509.AuthorityKeyIdentifier).value.key_identifier)
        self.assertTrue(within_eum_name_constraints(euicc, eum))

    def test_every_certificate_is_valid_from_yesterday_for_the_default_days(self) -> None:
        now = datetime.datetime.now(UTC)
        for role in self.files:
            if role.endswith("_cert"):
                certificate = self.certificate(role)
                self.assertLess(valid_from(certificate), now - datetime.timedelta(hours=23), role)
                self.assertEqual(datetime.timedelta(days=pki.DEFAULT_DAYS),
                                 valid_until(certificate) - valid_from(certificate), role)

    # -- SGP.22 4.5.2.1 profiles ---------------------------------------------------------------

    def assert_profile(self, role: str, policy: str, *, digital_signature: bool = False,
                       key_cert_sign: bool = False, crl_sign: bool = False,
                       policy_critical: bool = True) -> x509.Certificate:
        certificate = self.certificate(role)
        policies = extension(certificate, x509.CertificatePolicies)
        self.assertEqual([policy], [p.policy_identifier.dotted_string for p in policies.value], role)
        self.assertEqual(policy_critical, policies.critical, role)
        usage = extension(certificate, x509.KeyUsage)
        self.assertTrue(usage.critical, role)
        self.assertEqual((digital_signature, key_cert_sign, crl_sign),
                         (usage.value.digital_signature, usage.value.key_cert_sign, usage.value.crl_sign), role)
        self.assertFalse(usage.value.key_agreement or usage.value.key_encipherment, role)
        self.assertIsInstance(certificate.public_key().curve, ec.SECP256R1, role)
        self.assertEqual(SignatureAlgorithmOID.ECDSA_WITH_SHA256, certificate.signature_algorithm_oid, role)
        self.assertEqual(x509.Version.v3, certificate.version, role)
        extension(certificate, x509.SubjectKeyIdentifier)  # every certificate carries an SKI
        return certificate

    def registered_ids(self, certificate: x509.Certificate) -> list[str]:
        names = extension(certificate, x509.SubjectAlternativeName).value
        return [oid.dotted_string for oid in names.get_values_for_type(x509.RegisteredID)]

    def test_ci_profile(self) -> None:
        ci = self.assert_profile("ci_cert", pki.ROLE_CI, key_cert_sign=True, crl_sign=True)
        constraints = extension(ci, x509.BasicConstraints)
        self.assertTrue(constraints.critical and constraints.value.ca)
        self.assertIsNone(constraints.value.path_length)
        self.assertEqual(ci.subject, ci.issuer)
        self.assertEqual([pki.OID_CI], self.registered_ids(ci))

    def test_eum_profile(self) -> None:
        eum = self.assert_profile("eum_cert", pki.ROLE_EUM, key_cert_sign=True)
        constraints = extension(eum, x509.BasicConstraints)
        self.assertTrue(constraints.critical and constraints.value.ca)
        self.assertEqual(0, constraints.value.path_length)  # it signs eUICCs only
        self.assertTrue(extension(eum, x509.NameConstraints).critical)
        self.assertEqual([pki.OID_EUM], self.registered_ids(eum))

    def test_euicc_profile_carries_the_eid(self) -> None:
        euicc = self.assert_profile("euicc_cert", pki.ROLE_EUICC, digital_signature=True)
        self.assertEqual([self.manifest["eid"]], attribute(euicc.subject, NameOID.SERIAL_NUMBER))
        self.assertEqual(pki.DEFAULT_EID, self.manifest["eid"])
        with self.assertRaises(x509.ExtensionNotFound):
            extension(euicc, x509.BasicConstraints)

    def test_name_constraint_check_rejects_an_eid_outside_the_prefix(self) -> None:
        validity = pki.Validity.from_yesterday(2)
        ci = pki.make_ci(validity)
        other_eum = pki.make_eum(ci, "89049032", validity)
        euicc = self.certificate("euicc_cert")
        self.assertFalse(within_eum_name_constraints(euicc, other_eum.certificate))
        self.assertTrue(within_eum_name_constraints(
            pki.make_euicc(other_eum, "89049032123451234512345678901235", validity).certificate,
            other_eum.certificate))

    def test_eum_name_constraint_is_the_eid_prefix(self) -> None:
        constraints = extension(self.certificate("eum_cert"), x509.NameConstraints).value
        self.assertIsNone(constraints.excluded_subtrees)
        [permitted] = constraints.permitted_subtrees
        self.assertEqual([self.manifest["eid"][:8]], attribute(permitted.value, NameOID.SERIAL_NUMBER))
        self.assertEqual(self.manifest["eum_eid_prefix"], self.manifest["eid"][:8])

    def test_sm_dp_and_sm_ds_signing_profiles(self) -> None:
        for role, policy, oid in (("dp_auth_cert", pki.ROLE_DP_AUTH, self.manifest["smdp_oid"]),
                                  ("dp_pb_cert", pki.ROLE_DP_PB, self.manifest["smdp_oid"]),
                                  ("ds_auth_cert", pki.ROLE_DS_AUTH, self.manifest["smds_oid"])):
            certificate = self.assert_profile(role, policy, digital_signature=True)
            self.assertEqual([oid], self.registered_ids(certificate), role)
            with self.assertRaises(x509.ExtensionNotFound):
                extension(certificate, x509.ExtendedKeyUsage)

    def test_tls_profiles(self) -> None:
        for role, policy, oid, hosts in (
                ("dp_tls_cert", pki.ROLE_DP_TLS, self.manifest["smdp_oid"], self.manifest["smdp_hosts"]),
                ("ds_tls_cert", pki.ROLE_DS_TLS, self.manifest["smds_oid"], self.manifest["smds_hosts"])):
            certificate = self.assert_profile(role, policy, digital_signature=True, policy_critical=False)
            usage = extension(certificate, x509.ExtendedKeyUsage)
            self.assertTrue(usage.critical, role)
            self.assertIn(ExtendedKeyUsageOID.SERVER_AUTH, usage.value, role)
            names = extension(certificate, x509.SubjectAlternativeName).value
            self.assertEqual([*hosts, "localhost"], names.get_values_for_type(x509.DNSName), role)
            self.assertEqual([ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")],
                             names.get_values_for_type(x509.IPAddress), role)
            self.assertEqual([oid], self.registered_ids(certificate), role)
        self.assertEqual(["smdp.test.lpad", "testsmdpplus1.example.com"], self.manifest["smdp_hosts"])
        self.assertEqual(["smds.test.lpad"], self.manifest["smds_hosts"])

    def test_extensions_match_the_sgp26_certificate_of_the_same_role(self) -> None:
        if not SGP26_DIR.is_dir():
            self.skipTest(f"no SGP.26 reference set at {SGP26_DIR}")
        for role in ("ci_cert", "eum_cert", "euicc_cert", "dp_auth_cert", "dp_pb_cert"):
            ours = self.certificate(role)
            theirs = load_certificate(SGP26_DIR / self.files[role])
            self.assertEqual([(e.oid.dotted_string, e.critical) for e in theirs.extensions],
                             [(e.oid.dotted_string, e.critical) for e in ours.extensions], role)
            self.assertEqual([a.oid for a in theirs.subject], [a.oid for a in ours.subject], role)

    # -- TLS ---------------------------------------------------------------------------------

    def test_tls_certificates_serve_their_host_names_to_a_client_trusting_only_the_ci(self) -> None:
        for prefix, hosts in (("dp", self.manifest["smdp_hosts"]), ("ds", self.manifest["smds_hosts"])):
            for host in [*hosts, "localhost", "127.0.0.1"]:
                with self.subTest(server=prefix, host=host):
                    peer = tls_handshake(self.path(f"{prefix}_tls_cert"), self.path(f"{prefix}_tls_key"),
                                         self.path("ci_pem"), host)
                    self.assertIn(("commonName", hosts[0]), [rdn[0] for rdn in peer["subject"]])

    def test_tls_certificate_is_refused_for_another_host_name(self) -> None:
        with self.assertRaises(ssl.SSLCertVerificationError):
            tls_handshake(self.path("dp_tls_cert"), self.path("dp_tls_key"), self.path("ci_pem"),
                          "smds.test.lpad")

    # -- manifest ----------------------------------------------------------------------------

    def test_manifest_pkid_is_the_ci_subject_key_identifier(self) -> None:
        pkid = extension(self.certificate("ci_cert"), x509.SubjectKeyIdentifier).value.digest.hex()
        self.assertEqual(pkid, self.manifest["ci_pkid"])
        for role in ("eum_cert", "dp_auth_cert", "dp_pb_cert", "dp_tls_cert", "ds_auth_cert", "ds_tls_cert"):
            identifier = extension(self.certificate(role), x509.AuthorityKeyIdentifier).value.key_identifier
            self.assertEqual(pkid, identifier.hex(), role)

    def test_manifest_names_the_oids_and_validity(self) -> None:
        self.assertEqual(pki.OID_SMDP, self.manifest["smdp_oid"])
        self.assertEqual(pki.OID_SMDS, self.manifest["smds_oid"])
        ci = self.certificate("ci_cert")
        self.assertEqual(valid_from(ci).strftime("%Y-%m-%dT%H:%M:%SZ"), self.manifest["not_before"])
        self.assertEqual(valid_until(ci).strftime("%Y-%m-%dT%H:%M:%SZ"), self.manifest["not_after"])


class EidTest(unittest.TestCase):
    def test_check_digits_of_known_eids(self) -> None:
        self.assertEqual("35", pki.eid_check_digits("890490321234512345123456789012"))  # SGP.26
        self.assertEqual("24", pki.eid_check_digits("890010120123412340123456789012"))

    def test_validity_rule(self) -> None:
        self.assertTrue(pki.is_valid_eid(pki.DEFAULT_EID))
        self.assertTrue(pki.is_valid_eid("89049032123451234512345678901235"))
        self.assertFalse(pki.is_valid_eid("89049032123451234512345678901236"))
        self.assertFalse(pki.is_valid_eid("8904903212345123451234567890123"))
        self.assertFalse(pki.is_valid_eid("8904903212345123451234567890123X"))


class CommandLineTest(unittest.TestCase):
    def setUp(self) -> None:
        self.scratch = tempfile.TemporaryDirectory()
        self.parent = Path(self.scratch.name)

    def tearDown(self) -> None:
        self.scratch.cleanup()

    def test_options_set_eid_hosts_and_days(self) -> None:
        eid = "89049032123451234512345678901235"
        folder = self.parent / "custom"
        result = run_generator(str(folder), "--eid", eid, "--smdp-host", "a.example", "b.example",
                               "--smds-host", "ds.example", "--days", "30")
        self.assertEqual(0, result.returncode, result.stderr)
        manifest = json.loads((folder / "pki.json").read_text(encoding="utf-8"))
        self.assertEqual((eid, "89049032"), (manifest["eid"], manifest["eum_eid_prefix"]))
        euicc = load_certificate(folder / "CERT_EUICC_ECDSA_NIST.der")
        eum = load_certificate(folder / "CERT_EUM_ECDSA_NIST.der")
        self.assertEqual([eid], attribute(euicc.subject, NameOID.SERIAL_NUMBER))
        self.assertTrue(within_eum_name_constraints(euicc, eum))
        tls = load_certificate(folder / "CERT_S_SM_DP_TLS.pem")
        dns_names = extension(tls, x509.SubjectAlternativeName).value.get_values_for_type(x509.DNSName)
        self.assertEqual(["a.example", "b.example", "localhost"], dns_names)
        ds_tls = load_certificate(folder / "CERT_S_SM_DS_TLS.pem")
        self.assertIn("ds.example", extension(ds_tls, x509.SubjectAlternativeName).value.get_values_for_type(x509.DNSName))
        self.assertEqual(datetime.timedelta(days=30), valid_until(tls) - valid_from(tls))

    def test_rerun_replaces_a_previous_output_whole(self) -> None:
        folder = self.parent / "pki"
        self.assertEqual(0, run_generator(str(folder)).returncode)
        first = json.loads((folder / "pki.json").read_text(encoding="utf-8"))["ci_pkid"]
        result = run_generator(str(folder))
        self.assertEqual(0, result.returncode, result.stderr)
        second = json.loads((folder / "pki.json").read_text(encoding="utf-8"))["ci_pkid"]
        self.assertNotEqual(first, second)  # a fresh CI
        self.assertEqual(["pki"], [entry.name for entry in self.parent.iterdir()])  # no leftovers
        eum = load_certificate(folder / "CERT_EUM_ECDSA_NIST.der")
        self.assertTrue(is_signed_by(eum, load_certificate(folder / "ci.pem")))

    def test_empty_folder_is_used(self) -> None:
        folder = self.parent / "empty"
        folder.mkdir()
        self.assertEqual(0, run_generator(str(folder)).returncode)
        self.assertTrue((folder / "pki.json").is_file())

    def test_foreign_non_empty_folder_is_refused_and_left_alone(self) -> None:
        folder = self.parent / "precious"
        folder.mkdir()
        (folder / "notes.txt").write_text("mine", encoding="utf-8")
        result = run_generator(str(folder))
        self.assertEqual(1, result.returncode)
        self.assertIn("refusing", result.stderr)
        self.assertEqual(["notes.txt"], [entry.name for entry in folder.iterdir()])
        self.assertEqual(["precious"], [entry.name for entry in self.parent.iterdir()])

    def test_invalid_eid_is_rejected(self) -> None:
        result = run_generator(str(self.parent / "pki"), "--eid", "89049032123451234512345678901236")
        self.assertEqual(2, result.returncode)
        self.assertIn("not a valid EID", result.stderr)
        self.assertFalse((self.parent / "pki").exists())


if __name__ == "__main__":
    unittest.main()
