"""SimHash fingerprints for near-duplicate text; imports nothing from Django.

Features are overlapping character trigrams of the text with whitespace and
punctuation removed, so an OCR slip changes only the few trigrams around it
and the fingerprint moves by a few bits (up to 7 for six slips in a short
story), while a different story lands about 32 bits away (never under 21
between the seed articles). Fingerprints are cut into BANDS bands, stored each
with its index. Two texts within BANDS - 1 bits of each other differ in at
most one bit on one of the BANDS / 2 pairs of neighbouring bands (else they would
differ in BANDS bits or more), so candidates are the rows that agree with a
fingerprint on one band of a pair and are within one bit of it on the other
(probes()): one row in about 960 of random fingerprints, where agreeing on
any one band alone let one row in 32 through, to be read and compared.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

BITS = 64
BANDS = 8
BAND_BITS = BITS // BANDS
NEAR_DUPLICATE_BITS = 7  # at most BANDS - 1, so the probes find every such pair

_NOISE = re.compile(r"[\s\W_]+")


def simhash(text: str) -> int:
    """A 64-bit fingerprint of text (0 for text shorter than a trigram).

    Bit i is set where the trigrams whose hash has bit i set weigh more than
    half of all. Rather than 64 additions per trigram, the hashes are laid end
    to end (each repeated as often as its trigram occurs), so the k-th bytes
    of all of them are one slice; counting a slice's byte values (in C) gives
    the weight behind each (byte position, byte value), which then adds to the
    8 bits its value sets, all 64 sums at once in one integer holding a
    COUNTER_BITS-wide counter per bit.
    """
    clean = _NOISE.sub("", text)
    grams = Counter(clean[i: i + 3] for i in range(len(clean) - 2))
    if not grams:
        return 0
    digests = b"".join(hashlib.blake2b(gram.encode("utf-8"), digest_size=BYTES).digest() * weight for gram, weight in grams.items())
    counters = 0
    for k in range(BYTES):  # big-endian: the last byte of a hash holds bits 0-7
        spread = _SPREAD[k * 256: (k + 1) * 256]
        counters += sum(weight * spread[value] for value, weight in Counter(digests[BYTES - 1 - k:: BYTES]).items())
    half, mask = grams.total(), (1 << COUNTER_BITS) - 1
    return sum(1 << bit for bit in range(BITS) if 2 * (counters >> bit * COUNTER_BITS & mask) > half)


BYTES = BITS // 8
COUNTER_BITS = 40  # room for the weight of every trigram of any text that fits in memory
# _SPREAD[k * 256 + value]: a 1 in the counter of each bit that byte k of value `value` sets.
_SPREAD = [
    sum(1 << (8 * k + bit) * COUNTER_BITS for bit in range(8) if value >> bit & 1) for k in range(BYTES) for value in range(256)
]


def bands(fingerprint: int) -> tuple[int, ...]:
    """The fingerprint cut into BANDS integers of BAND_BITS bits."""
    mask = (1 << BAND_BITS) - 1
    return tuple(fingerprint >> (i * BAND_BITS) & mask for i in range(BANDS))


def probes(fingerprint: int) -> list[tuple[int, int, int, tuple[int, ...]]]:
    """(band i, its value, band j, the values j may have): one row matching any is a candidate.

    For each pair of neighbouring bands (0 and 1, 2 and 3 …), all 2 * BAND_BITS + 1
    values of the pair within one bit of the fingerprint's: one band equal and
    the other equal or one bit off, each as an index look-up on the equal band.
    """
    cut = bands(fingerprint)
    flips = [1 << bit for bit in range(BAND_BITS)]
    found = []
    for low in range(0, BANDS, 2):
        high = low + 1
        found.append((low, cut[low], high, (cut[high], *(cut[high] ^ flip for flip in flips))))
        found.append((high, cut[high], low, tuple(cut[low] ^ flip for flip in flips)))
    return found


def distance(a: int, b: int) -> int:
    """Hamming distance: how many bits differ."""
    return (a ^ b).bit_count()


def to_signed(fingerprint: int) -> int:
    """The unsigned 64-bit fingerprint as a signed one, for a BigIntegerField."""
    return fingerprint - (1 << BITS) if fingerprint >= 1 << (BITS - 1) else fingerprint


def from_signed(value: int) -> int:
    return value + (1 << BITS) if value < 0 else value
