"""Bound Profile Package protection (SGP.22 2.6.4-2.6.6, SCP03t-style) and BPP assembly.

Both directions are here: the SM-DP+ wraps, the tests' eUICC stand-in unwraps, so each side can
be checked against the recorded vectors independently.
"""
from __future__ import annotations

import hmac
from dataclasses import dataclass

from cryptography.hazmat.primitives import cmac, hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.x963kdf import X963KDF

import der

# SGP.22 2.5.5: a segment TLV is at most 1020 bytes: tag (1) + length (3) + MAC (8) leaves 1008
# bytes of ciphertext, and padding always adds at least one byte, so 1007 bytes of plaintext.
MAX_SEGMENT_TLV = 1020
MAX_PLAINTEXT = 1007
KEY_TYPE_AES = 0x88
KEY_LENGTH = 16


class BspError(ValueError):
    pass


def shared_info(host_id: bytes, eid: bytes, key_type: int = KEY_TYPE_AES, key_length: int = KEY_LENGTH) -> bytes:
    return bytes([key_type, key_length]) + der.length_bytes(len(host_id)) + host_id \
        + der.length_bytes(len(eid)) + eid


def derive_keys(shs: bytes, info: bytes) -> tuple[bytes, bytes, bytes]:
    """X9.63 KDF (SHA-256) -> (initial MCV, S-ENC, S-MAC), in that order."""
    out = X963KDF(algorithm=hashes.SHA256(), length=48, sharedinfo=info).derive(shs)
    return out[:16], out[16:32], out[32:48]


def _aes_cbc(key: bytes, iv: bytes, data: bytes, decrypt: bool = False) -> bytes:
    cipher = Cipher(algorithms.AES(key), modes.CBC(iv))
    op = cipher.decryptor() if decrypt else cipher.encryptor()
    return op.update(data) + op.finalize()


def _cmac(key: bytes, data: bytes) -> bytes:
    c = cmac.CMAC(algorithms.AES(key))
    c.update(data)
    return c.finalize()


def pad(data: bytes) -> bytes:
    padded = data + b"\x80"
    return padded + b"\x00" * (-len(padded) % 16)


def unpad(data: bytes) -> bytes:
    stripped = data.rstrip(b"\x00")
    if not stripped.endswith(b"\x80"):
        raise BspError("bad padding")
    return stripped[:-1]


@dataclass
class Bsp:
    """One BSP key set: keys, MAC chaining value and block counter (starting at 1)."""
    s_enc: bytes
    s_mac: bytes
    mcv: bytes
    counter: int = 1

    @classmethod
    def from_shared_secret(cls, shs: bytes, host_id: bytes, eid: bytes) -> "Bsp":
        mcv, s_enc, s_mac = derive_keys(shs, shared_info(host_id, eid))
        return cls(s_enc, s_mac, mcv)

    def icv(self) -> bytes:
        # ICV = AES(S-ENC, block counter as a 16-byte big-endian block); CBC with zero IV is ECB.
        return _aes_cbc(self.s_enc, bytes(16), self.counter.to_bytes(16, "big"))

    def _mac(self, tag: int, payload: bytes) -> bytes:
        mac_input = self.mcv + der.tag_bytes(tag) + der.length_bytes(len(payload) + 8) + payload
        full = _cmac(self.s_mac, mac_input)
        self.mcv = full  # C-MAC chaining: the whole CMAC becomes the next chaining value
        return full[:8]

    def wrap(self, tag: int, plaintext: bytes) -> bytes:
        ciphertext = _aes_cbc(self.s_enc, self.icv(), pad(plaintext))
        self.counter += 1
        return der.tlv(tag, ciphertext + self._mac(tag, ciphertext))

    def mac_only(self, tag: int, plaintext: bytes) -> bytes:
        self.counter += 1  # MAC-only segments advance the block counter too (as the vectors show)
        return der.tlv(tag, plaintext + self._mac(tag, plaintext))

    def _check_mac(self, item: der.Tlv) -> bytes:
        if len(item.value) < 8:
            raise BspError("segment shorter than its MAC")
        payload, mac = item.value[:-8], item.value[-8:]
        if not hmac.compare_digest(self._mac(item.tag, payload), mac):
            raise BspError(f"MAC of a {item.tag:X} segment does not verify")
        return payload

    def unwrap(self, item: der.Tlv) -> bytes:
        icv = self.icv()
        self.counter += 1
        ciphertext = self._check_mac(item)
        if len(ciphertext) % 16:
            raise BspError("ciphertext is not a whole number of blocks")
        return unpad(_aes_cbc(self.s_enc, icv, ciphertext, decrypt=True))

    def unwrap_mac_only(self, item: der.Tlv) -> bytes:
        self.counter += 1
        return self._check_mac(item)


def chunks(data: bytes, size: int = MAX_PLAINTEXT) -> list[bytes]:
    return [data[i:i + size] for i in range(0, len(data), size)] or [b""]


def mac_only_chunks(data: bytes) -> list[bytes]:
    # 88 segments carry plaintext: tag (1) + length (3) + MAC (8) -> 1008 bytes of payload.
    return chunks(data, MAX_SEGMENT_TLV - 12)


@dataclass
class ProtectedParts:
    first87: list[bytes]
    seq88: list[bytes]
    second87: list[bytes] | None
    seq86: list[bytes]


def protect(bsp: Bsp, configure_isdp: bytes, store_metadata: bytes, upp: bytes,
            replace_session_keys: tuple[bytes, bytes, bytes] | None = None,
            profile_chunk: int = MAX_PLAINTEXT) -> ProtectedParts:
    """Wrap the BPP contents; replace_session_keys = (initial MCV, PPK-ENC, PPK-MAC) or None.
    profile_chunk other than the default only serves to reproduce other servers' packages."""
    first87 = [bsp.wrap(0x87, configure_isdp)]
    seq88 = [bsp.mac_only(0x88, part) for part in mac_only_chunks(store_metadata)]
    second87 = None
    profile_bsp = bsp
    if replace_session_keys:
        mcv, ppk_enc, ppk_mac = replace_session_keys
        request = der.seq(0xBF26, der.tlv(0x80, mcv), der.tlv(0x81, ppk_enc), der.tlv(0x82, ppk_mac))
        second87 = [bsp.wrap(0x87, request)]
        profile_bsp = Bsp(ppk_enc, ppk_mac, mcv)  # the PPK starts a fresh counter at 1
    seq86 = [profile_bsp.wrap(0x86, part) for part in chunks(upp, profile_chunk)]
    return ProtectedParts(first87, seq88, second87, seq86)


def assemble(initialise_secure_channel: bytes, parts: ProtectedParts) -> bytes:
    return der.seq(
        0xBF36,
        initialise_secure_channel,
        der.tlv(0xA0, b"".join(parts.first87)),
        der.tlv(0xA1, b"".join(parts.seq88)),
        der.tlv(0xA2, b"".join(parts.second87)) if parts.second87 is not None else None,
        der.tlv(0xA3, b"".join(parts.seq86)),
    )


@dataclass
class Unwrapped:
    configure_isdp: bytes
    store_metadata: bytes
    replace_session_keys: bytes | None
    upp: bytes


def unwrap_bpp(bpp: der.Tlv, bsp: Bsp) -> Unwrapped:
    """The eUICC's side: check every MAC and decrypt, following a ReplaceSessionKeys if present."""
    if bpp.tag != 0xBF36:
        raise BspError("not a BoundProfilePackage")
    configure = b"".join(bsp.unwrap(s) for s in bpp.get(0xA0).children())
    metadata = b"".join(bsp.unwrap_mac_only(s) for s in bpp.get(0xA1).children())
    rsk = None
    profile_bsp = bsp
    second = bpp.find(0xA2)
    if second is not None:
        rsk = b"".join(bsp.unwrap(s) for s in second.children())
        request = der.parse(rsk, 0xBF26)
        profile_bsp = Bsp(request.get(0x81).value, request.get(0x82).value, request.get(0x80).value)
    upp = b"".join(profile_bsp.unwrap(s) for s in bpp.get(0xA3).children())
    return Unwrapped(configure, metadata, rsk, upp)
