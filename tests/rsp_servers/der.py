"""A small, strict DER (BER-TLV) codec for the test SM-DP+ and SM-DS.

Written from X.690 alone, sharing nothing with lpad's C++ codec, so that a misreading of the
encoding rules cannot hide by being made twice. It knows tags, lengths and a few universal value
types; the SGP.22 structures are put together where they are used.

A tag is the integer of its raw bytes: 0x30 (SEQUENCE), 0x80 ([0] primitive), 0xBF36 ([54]
constructed: BoundProfilePackage), 0x5F37 ([APPLICATION 55]: a signature).
"""
from __future__ import annotations

from typing import Iterable, Optional


class DerError(ValueError):
    """Malformed or unexpected DER."""


# --- tags and lengths -------------------------------------------------------------------------

def tag_bytes(tag: int) -> bytes:
    if tag < 0:
        raise DerError(f"negative tag {tag}")
    return tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")


def tag_text(tag: int) -> str:
    return tag_bytes(tag).hex().upper()


def is_constructed(tag: int) -> bool:
    return bool(tag_bytes(tag)[0] & 0x20)


def length_bytes(length: int) -> bytes:
    """Definite length in its shortest form (also SGP.22's BER-length in MAC inputs and sharedInfo)."""
    if length < 0:
        raise DerError(f"negative length {length}")
    if length < 0x80:
        return bytes([length])
    body = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag: int, value: bytes) -> bytes:
    """One TLV: tag, length, value."""
    return tag_bytes(tag) + length_bytes(len(value)) + bytes(value)


def seq(tag: int, *parts: Optional[bytes]) -> bytes:
    """A constructed TLV holding the given encodings in order; None (an absent OPTIONAL) is skipped."""
    return tlv(tag, b"".join(part for part in parts if part is not None))


encode = tlv


def _read_tag(data: bytes, offset: int) -> tuple[int, int]:
    if offset >= len(data):
        raise DerError("truncated: tag expected")
    start = offset
    offset += 1
    if data[start] & 0x1F == 0x1F:  # high tag number form: base-128 groups, bit 8 = more follow
        if offset >= len(data):
            raise DerError("truncated multi-byte tag")
        if data[offset] == 0x80:
            raise DerError("tag number with a leading zero group")
        while True:
            if offset >= len(data):
                raise DerError("truncated multi-byte tag")
            more = data[offset] & 0x80
            offset += 1
            if not more:
                break
        if offset - start == 2 and data[start + 1] < 0x1F:
            raise DerError("tag number below 31 written in the multi-byte form")
    return int.from_bytes(data[start:offset], "big"), offset


def _read_length(data: bytes, offset: int) -> tuple[int, int]:
    if offset >= len(data):
        raise DerError("truncated: length expected")
    first = data[offset]
    offset += 1
    if first < 0x80:
        return first, offset
    count = first & 0x7F
    if count == 0:
        raise DerError("indefinite length is not DER")
    if count > 4:
        raise DerError(f"a {count}-byte length is beyond this codec")
    if offset + count > len(data):
        raise DerError("truncated length")
    body = data[offset:offset + count]
    length = int.from_bytes(body, "big")
    if body[0] == 0 or length < 0x80:
        raise DerError("length not in its shortest form")
    return length, offset + count


# --- decoding ---------------------------------------------------------------------------------

class Tlv:
    """One decoded TLV. `raw` is its exact encoding: what a signature covers."""

    __slots__ = ("tag", "value", "raw", "_children")

    def __init__(self, tag: int, value: bytes, raw: bytes):
        self.tag, self.value, self.raw = tag, value, raw
        self._children: Optional[list[Tlv]] = None

    def __repr__(self) -> str:
        return f"Tlv({tag_text(self.tag)}, {len(self.value)} bytes)"

    @property
    def constructed(self) -> bool:
        return is_constructed(self.tag)

    def children(self) -> list["Tlv"]:
        if not self.constructed:
            raise DerError(f"{self!r} is primitive, it has no children")
        if self._children is None:
            self._children = parse_all(self.value)
        return self._children

    def find(self, tag: int) -> Optional["Tlv"]:
        """The first child with this tag, or None (an absent OPTIONAL)."""
        return next((child for child in self.children() if child.tag == tag), None)

    def get(self, tag: int) -> "Tlv":
        """The first child with this tag; DerError when it is missing (a mandatory element)."""
        child = self.find(tag)
        if child is None:
            raise DerError(f"{self!r}: mandatory {tag_text(tag)} missing")
        return child

    def all(self, tag: int) -> list["Tlv"]:
        return [child for child in self.children() if child.tag == tag]


def _parse_at(data: bytes, offset: int) -> tuple[Tlv, int]:
    tag, position = _read_tag(data, offset)
    length, position = _read_length(data, position)
    end = position + length
    if end > len(data):
        raise DerError(f"a value of {length} bytes runs past the end ({len(data) - position} left)")
    return Tlv(tag, data[position:end], data[offset:end]), end


def parse(data: bytes, tag: Optional[int] = None) -> Tlv:
    """Exactly one TLV with nothing after it; with `tag`, it must be that one."""
    data = bytes(data)
    item, end = _parse_at(data, 0)
    if end != len(data):
        raise DerError(f"{len(data) - end} bytes after the TLV")
    if tag is not None and item.tag != tag:
        raise DerError(f"expected {tag_text(tag)}, got {tag_text(item.tag)}")
    return item


def parse_first(data: bytes) -> Tlv:
    """The first TLV of a concatenation (a profile package: its ProfileHeader)."""
    return _parse_at(bytes(data), 0)[0]


def parse_all(data: bytes) -> list[Tlv]:
    """A concatenation of TLVs, e.g. the value of a constructed TLV."""
    data = bytes(data)
    items, offset = [], 0
    while offset < len(data):
        item, offset = _parse_at(data, offset)
        items.append(item)
    return items


def reencode(item: Tlv) -> bytes:
    """Encode again from the parsed tree (primitive values as read). Walks every constructed TLV,
    so it proves the whole structure parses; equal to `item.raw` for DER input."""
    if item.constructed:
        return tlv(item.tag, b"".join(reencode(child) for child in item.children()))
    return tlv(item.tag, item.value)


# --- universal values -------------------------------------------------------------------------

def encode_int(number: int) -> bytes:
    """Content octets of an INTEGER: two's complement, shortest."""
    return number.to_bytes(max(1, (number + (number < 0)).bit_length() // 8 + 1), "big", signed=True)


def decode_int(content: bytes) -> int:
    if not content:
        raise DerError("empty INTEGER")
    if len(content) > 1 and ((content[0] == 0 and content[1] < 0x80) or (content[0] == 0xFF and content[1] >= 0x80)):
        raise DerError("INTEGER not in its shortest form")
    return int.from_bytes(content, "big", signed=True)


def encode_bool(flag: bool) -> bytes:
    return b"\xff" if flag else b"\x00"


def decode_bool(content: bytes) -> bool:
    if content not in (b"\x00", b"\xff"):
        raise DerError(f"BOOLEAN {content.hex()} is not DER")
    return content == b"\xff"


def encode_oid(dotted: str) -> bytes:
    arcs = [int(arc) for arc in dotted.split(".")]
    if len(arcs) < 2 or arcs[0] > 2 or (arcs[0] < 2 and arcs[1] > 39) or min(arcs) < 0:
        raise DerError(f"invalid OID {dotted}")
    out = bytearray()
    for arc in [arcs[0] * 40 + arcs[1], *arcs[2:]]:
        groups = [arc & 0x7F]
        arc >>= 7
        while arc:
            groups.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(groups))
    return bytes(out)


def decode_oid(content: bytes) -> str:
    if not content or content[-1] & 0x80:
        raise DerError("truncated OBJECT IDENTIFIER")
    arcs, arc, at_start = [], 0, True
    for byte in content:
        if at_start and byte == 0x80:
            raise DerError("OID arc with a leading zero group")
        arc = (arc << 7) | (byte & 0x7F)
        at_start = not byte & 0x80
        if at_start:
            arcs.append(arc)
            arc = 0
    first = min(arcs[0] // 40, 2)
    return ".".join(str(a) for a in [first, arcs[0] - first * 40, *arcs[1:]])


def encode_named_bits(bits: Iterable[int]) -> bytes:
    """Content of a BIT STRING with named bits (bit 0 = the first, most significant), trailing zero
    bits removed as DER wants: {1} -> 06 40, {0, 1, 2, 3} -> 04 F0."""
    bits = sorted(set(bits))
    if not bits:
        return b"\x00"
    length = bits[-1] + 1
    data = bytearray((length + 7) // 8)
    for bit in bits:
        data[bit // 8] |= 0x80 >> (bit % 8)
    return bytes([len(data) * 8 - length]) + bytes(data)


def decode_named_bits(content: bytes) -> list[int]:
    """The numbers of the bits set, ascending."""
    if not content or content[0] > 7 or (len(content) == 1 and content[0]):
        raise DerError("malformed BIT STRING")
    unused, data = content[0], content[1:]
    return [i for i in range(len(data) * 8 - unused) if data[i // 8] & (0x80 >> (i % 8))]


# --- ICCIDs -----------------------------------------------------------------------------------

def swap_nibbles(data: bytes) -> bytes:
    """EF.ICCID's BCD order <-> printed order (the ProfileHeader of these UPPs holds the latter)."""
    return bytes(((b & 0x0F) << 4) | (b >> 4) for b in data)


def iccid_to_text(ef_iccid: bytes) -> str:
    """An Iccid (5A) value as printed: nibbles swapped back, the F padding dropped."""
    return swap_nibbles(ef_iccid).hex().upper().rstrip("F")
