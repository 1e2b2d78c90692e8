#!/usr/bin/env python3
"""Seeds for the fuzz targets, made from ../shared reference data (read in place, never copied
into the repository): every recorded ES10 structure for the TLV decoder, and activation codes of
every shape for the parser."""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
shared = pathlib.Path(__file__).resolve().parent.parent.parent / "shared"

tlv = out / "tlv_decoder_fuzzer"
tlv.mkdir(parents=True, exist_ok=True)
vectors = shared / "vectors" / "es10-structures.json"
if vectors.exists():
    for i, s in enumerate(json.loads(vectors.read_text())["structures"]):
        (tlv / f"seed-{i:02d}").write_bytes(bytes.fromhex(s["der_hex"]))

ac = out / "activation_code_fuzzer"
ac.mkdir(parents=True, exist_ok=True)
for i, code in enumerate([
    "LPA:1$rsp.example.com$QR-G-5C-1LS-1W1Z9P7",
    "LPA:1$smdp.test.lpad:8443$MATCHING$1.3.6.1.4.1.31746$1",
    "1$rsp.example.com$$$1",
    "LPA:1$rsp.example.com$",
]):
    (ac / f"seed-{i}").write_text(code)

# ES9+/ES11 answers: the recorded SGP.26 download's, a Failed status and an SM-DS event list.
es9p = out / "es9p_response_fuzzer"
es9p.mkdir(parents=True, exist_ok=True)
recorded = shared / "vectors" / "download-sgp26"
for path in sorted(recorded.glob("0*.response.json")):
    (es9p / path.name).write_bytes(path.read_bytes())
(es9p / "failed").write_text('{"header":{"functionExecutionStatus":{"status":"Failed","statusCodeData":'
                             '{"subjectCode":"8.2.6","reasonCode":"3.8","message":"refused"}}}}')
(es9p / "events").write_text('{"header":{"functionExecutionStatus":{"status":"Executed-Success"}},'
                             '"eventEntries":[{"eventId":"E1","rspServerAddress":"smdp.test.lpad"}]}')

# SM-DP+ payloads: the recorded package and its pieces.
payloads = out / "server_payload_fuzzer"
payloads.mkdir(parents=True, exist_ok=True)
for name in ("bpp.der", "storeMetadata.der", "profileInstallationResult.der"):
    (payloads / name).write_bytes((recorded / name).read_bytes())
