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

import numpy as np

BITS = 64
BANDS = 8
BAND_BITS = BITS // BANDS
NEAR_DUPLICATE_BITS = 7  # at most BANDS - 1, so the probes find every such pair

_NOISE = re.compile(r"[\s\W_]+")


def simhash(text: str) -> int:
    """A 64-bit fingerprint of text (0 for text shorter than a trigram).

    Bit i is set where the trigrams whose hash has bit i set weigh more than
    half of all. The hashes' bits are one matrix (a row a trigram, unpacked
    by numpy), so the 64 weighted counts are one product with the trigrams'
    weights, in C, not 64 additions per trigram in Python.
    """
    clean = _NOISE.sub("", text)
    grams = Counter(clean[i: i + 3] for i in range(len(clean) - 2))
    if not grams:
        return 0
    digests = b"".join(map(_digests(grams).__getitem__, grams))
    # Column c holds bit BITS - 1 - c of each hash read big-endian (unpackbits takes each byte's high bit first).
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(len(grams), BYTES), axis=1)
    counts = np.fromiter(grams.values(), dtype=np.int64, count=len(grams)) @ bits
    return sum(1 << (BITS - 1 - int(c)) for c in np.flatnonzero(2 * counts > grams.total()))


BYTES = BITS // 8

# Each trigram's hash, remembered for the process's life: a paper's stories
# share most of their trigrams (function words, names, set phrases), and hashing
# ~1,000 of them an article was a third of its fingerprint's time. Cleared when full.
_DIGESTS: dict[str, bytes] = {}
DIGESTS_REMEMBERED = 200_000  # ~150 bytes each: some 30 MB at most


def _digests(grams: Counter) -> dict[str, bytes]:
    """The remembered hashes, those of grams included."""
    new = [gram for gram in grams if gram not in _DIGESTS]
    if len(_DIGESTS) + len(new) > DIGESTS_REMEMBERED:
        _DIGESTS.clear()
        new = list(grams)
    _DIGESTS.update((gram, hashlib.blake2b(gram.encode("utf-8"), digest_size=BYTES).digest()) for gram in new)
    return _DIGESTS


def bands(fingerprint: int) -> tuple[int, ...]:
    """The fingerprint cut into BANDS integers of BAND_BITS bits."""
    mask = (1 << BAND_BITS) - 1
    return tuple(fingerprint >> (i * BAND_BITS) & mask for i in range(BANDS))


def probes(fingerprint: int) -> list[tuple[int, int, int, tuple[int, ...]]]:
    """(band i, its value, band j, the values j may have): one row matching any is a candidate.

    For each pair of neighbouring bands (0 and 1, 2 and 3 …), all 2 * BAND_BITS + 1
    values of the pair within one bit of the fingerprint's: one band equal and
    the other equal or one bit off, each an index look-up on the pair (Profile.Meta.indexes).
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
