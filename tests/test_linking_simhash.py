"""linking.simhash: fingerprints, bands, distances. No database."""

from __future__ import annotations

import random

from linking import simhash

STORY = (
    "青岛的线上消费在消费市场恢复中表现出极强的拉动作用。记者从市商务局获悉，"
    "1-8月份，青岛市网络零售额1581.1亿元，同比增长24.2%，占全省比重为32.7%。"
    "当前电商进入存量竞争时代，青岛的蓬勃活力得益于电商的集聚化发展带来的一系列化学反应。"
)
OTHER = (
    "崂山区王哥庄街道河东村依托茶园和民宿，打造乡村振兴样板。村里成立合作社，"
    "统一采茶、制茶和销售，游客可以在茶园里采茶、在民宿里住下，体验茶文化。"
)


def test_the_same_text_has_the_same_fingerprint_whatever_its_spacing():
    assert simhash.simhash(STORY) == simhash.simhash(STORY.replace("。", "。\n\n"))


def test_an_ocr_slip_moves_the_fingerprint_a_little():
    rescanned = STORY.replace("拉动", "拉劫").replace("市场", "市扬")
    assert simhash.distance(simhash.simhash(STORY), simhash.simhash(rescanned)) <= simhash.NEAR_DUPLICATE_BITS


def test_different_stories_are_far_apart():
    assert simhash.distance(simhash.simhash(STORY), simhash.simhash(OTHER)) > 2 * simhash.NEAR_DUPLICATE_BITS


def test_near_fingerprints_share_a_band():
    a = simhash.simhash(STORY)
    b = a ^ sum(1 << bit for bit in (0, 9, 18, 27, 36, 45, 54))  # 7 bits, each in a different band
    assert any(x == y for x, y in zip(simhash.bands(a), simhash.bands(b)))
    assert len(simhash.bands(a)) == simhash.BANDS
    assert all(0 <= band < 1 << simhash.BAND_BITS for band in simhash.bands(a))


def test_signed_round_trip_fits_a_bigint():
    for value in (0, 1, (1 << 63) - 1, 1 << 63, (1 << 64) - 1):
        signed = simhash.to_signed(value)
        assert -(1 << 63) <= signed < 1 << 63
        assert simhash.from_signed(signed) == value


def test_empty_text_has_no_fingerprint():
    assert simhash.simhash("。。") == 0


def _majority_of_trigram_hashes(text: str) -> int:
    """The definition, bit by bit: a bit is set where trigrams with it set outweigh those without."""
    import hashlib
    from collections import Counter

    clean = simhash._NOISE.sub("", text)
    grams = Counter(clean[i: i + 3] for i in range(len(clean) - 2))
    totals = [0] * simhash.BITS
    for gram, weight in grams.items():
        h = int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(simhash.BITS):
            totals[bit] += weight if h >> bit & 1 else -weight
    return sum(1 << bit for bit, total in enumerate(totals) if total > 0)


def test_the_fingerprint_is_the_majority_of_its_trigrams_hashes():
    import random

    rng = random.Random(4)
    texts = [STORY, STORY * 40, "青岛", "青岛港", "哈哈哈" * 500]
    texts += ["".join(rng.choice("青岛崂山区茶园民宿港口 ，。ab1") for _ in range(rng.randint(0, 80))) for _ in range(500)]
    for text in texts:
        assert simhash.simhash(text) == _majority_of_trigram_hashes(text), text


def test_the_probes_catch_every_fingerprint_within_seven_bits_and_few_others():
    rng = random.Random(8)

    def caught(a: int, b: int) -> bool:
        other = simhash.bands(b)
        return any(other[i] == value and other[j] in values for i, value, j, values in simhash.probes(a))

    for _ in range(3000):
        a = rng.getrandbits(64)
        # The worst spread too: one bit in each of seven bands, so no pair of bands is equal.
        bits = rng.sample(range(64), rng.randint(0, 7)) if rng.random() < 0.5 else [8 * i + rng.randrange(8) for i in range(7)]
        b = a
        for bit in bits:
            b ^= 1 << bit
        assert caught(a, b), (a, bits)
    strangers = sum(caught(rng.getrandbits(64), rng.getrandbits(64)) for _ in range(20_000))
    assert strangers < 100  # about 21 expected (68 in 65,536)


def test_remembered_trigram_hashes_give_the_same_fingerprint_when_the_memory_fills(monkeypatch):
    # A memory smaller than one story's trigrams is cleared while that story is hashed.
    monkeypatch.setattr(simhash, "_DIGESTS", {})
    monkeypatch.setattr(simhash, "DIGESTS_REMEMBERED", 50)
    for text in (STORY, OTHER, STORY + OTHER, STORY):
        assert simhash.simhash(text) == _majority_of_trigram_hashes(text)
