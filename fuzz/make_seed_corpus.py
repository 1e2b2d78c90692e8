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
