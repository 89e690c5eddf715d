"""Related-article scores and the reasons shown to editors; imports nothing from Django.

A score adds up what two articles share: entities and tags (weighted by how
rare they are, so 青岛 in a Qingdao paper counts little, and divided by the
geometric mean of the two set sizes, so a story listing all ten districts is
not close to every other story), reporters, column, and the cosine of their
term vectors; closeness in time then scales it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date

from linking.keywords import cosine

ENTITY_WEIGHT = 0.8
TAG_WEIGHT = 0.6
REPORTER_WEIGHT = 0.25
COLUMN_WEIGHT = 0.15
TEXT_WEIGHT = 0.8
TEXT_REASON_MIN = 0.2  # below this, text similarity is noise and not worth naming
TIME_SCALE_DAYS = 30
CLOSE_DAYS = 3
REASON_NAMES = 3

SHARED_LABELS = {"place": "共同地点", "person": "共同人物", "organisation": "共同机构"}


@dataclass
class Features:
    """What is compared. entities: {id: (name, kind)}; tags, reporters: {id: name}; column: (id, name)."""

    entities: dict[int, tuple[str, str]] = field(default_factory=dict)
    tags: dict[int, str] = field(default_factory=dict)
    reporters: dict[int, str] = field(default_factory=dict)
    column: tuple[int, str] | None = None
    terms: dict[str, float] = field(default_factory=dict)
    day: date | None = None

    @functools.cached_property
    def entity_names(self) -> frozenset[str]:
        # Read once per article, not once for each of its hundreds of candidates.
        return frozenset(name for name, _ in self.entities.values())

    @functools.cached_property
    def day_number(self) -> int:
        # Days between two stories as a subtraction of ints, not of dates making a timedelta.
        return self.day.toordinal()


def rarity(hits: int) -> float:
    """Weight of a shared entity or tag found in `hits` other articles: 1 when unique, less when common."""
    return 1 / (1 + math.log10(1 + hits))


def score(article: Features, other: Features, *, rarities: Mapping[Hashable, float] | None = None) -> tuple[float, list[str]]:
    """(score, reasons) for showing `other` as related to `article`; symmetric.

    rarities maps ("entity", id) and ("tag", id) to rarity(); missing keys weigh 1.
    """
    reasons: list[str] = []
    return _score(article, other, rarities or {}, reasons), reasons


def score_value(article: Features, other: Features, *, rarities: Mapping[Hashable, float] | None = None) -> float:
    """score()'s number alone: ranking hundreds of candidates, only the best few need their reasons."""
    return _score(article, other, rarities or {}, None)


def _score(article: Features, other: Features, rarities: Mapping[Hashable, float], reasons: list[str] | None) -> float:
    """The score; its reasons are appended to `reasons` unless that is None."""
    total = 0.0
    by_kind: dict[str, list[tuple[float, str]]] = {}
    shared_entities = article.entities.keys() & other.entities.keys()
    if shared_entities:
        mean_size = _mean_size(article.entities, other.entities)
        for pk in shared_entities:
            weight = rarities.get(("entity", pk), 1.0)
            total += ENTITY_WEIGHT * weight / mean_size
            if reasons is not None:
                name, kind = article.entities[pk]
                by_kind.setdefault(kind, []).append((weight, name))
    if reasons is not None:
        for kind, label in SHARED_LABELS.items():
            if kind in by_kind:
                reasons.append(f"{label}: {_names(by_kind[kind])}")

    shared_tags = [(pk, name) for pk, name in article.tags.items() if pk in other.tags]
    if shared_tags:
        # A tag that names a shared entity (崂山区 as both) is counted once.
        names, other_names = article.entity_names, other.entity_names
        weighted = [
            (rarities.get(("tag", pk), 1.0), name) for pk, name in shared_tags if name not in names and name not in other_names
        ]
        if weighted:
            total += TAG_WEIGHT * sum(w for w, _ in weighted) / _mean_size(article.tags, other.tags)
            if reasons is not None:
                reasons.append(f"共同标签: {_names(weighted)}")

    if not article.reporters.keys().isdisjoint(other.reporters):
        total += REPORTER_WEIGHT
        if reasons is not None:
            names = [name for pk, name in article.reporters.items() if pk in other.reporters]
            reasons.append(f"同一记者: {'、'.join(sorted(names))}")

    if article.column and other.column and article.column[0] == other.column[0]:
        total += COLUMN_WEIGHT
        if reasons is not None:
            reasons.append(f"同一栏目: {article.column[1]}")

    similarity = cosine(article.terms, other.terms)
    total += TEXT_WEIGHT * similarity
    if reasons is not None and similarity >= TEXT_REASON_MIN:
        reasons.append(f"内容相似: {similarity:.2f}")

    if article.day and other.day:
        days = abs(article.day_number - other.day_number)
        total *= _time_factor(days)
        if reasons is not None and days <= CLOSE_DAYS:
            reasons.append("时间相近")
    return round(total, 4)


@functools.lru_cache(maxsize=1 << 16)
def _time_factor(days: int) -> float:
    # Half the weight is kept however old: an old story can still be the background.
    # Remembered: a batch scores thousands of pairs over a few hundred distinct gaps.
    return 0.5 + 0.5 * math.exp(-days / TIME_SCALE_DAYS)


def _mean_size(a: dict, b: dict) -> float:
    return math.sqrt(len(a) * len(b))


def _names(weighted: list[tuple[float, str]]) -> str:
    # The rarest first: they say most about why two stories belong together.
    ordered = sorted(weighted, key=lambda wn: (-wn[0], wn[1]))
    return "、".join(name for _, name in ordered[:REASON_NAMES])
