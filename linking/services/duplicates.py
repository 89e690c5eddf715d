"""Near-duplicate detection: the same story on two pages or in two outlets, or a re-scanned page."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from linking import simhash
from linking.models import NearDuplicate, Profile


@transaction.atomic
def duplicates_detect(*, article_ids: Iterable[int]) -> list[NearDuplicate]:
    """Flag every article within NEAR_DUPLICATE_BITS of one of these, in three queries.

    A fingerprint of 0 means no text to compare (a photo without caption)
    and is skipped. The newer article of a pair is flagged as the duplicate.
    """
    mine = {
        p.article_id: simhash.from_signed(p.simhash)
        for p in Profile.objects.filter(article_id__in=list(article_ids)).exclude(simhash=0)
    }
    if not mine:
        return []
    # Two fingerprints within NEAR_DUPLICATE_BITS agree on a band, so each
    # candidate is compared only with the articles it shares a band with.
    order = {article_id: n for n, article_id in enumerate(mine)}
    by_band: dict[tuple[int, int], list[int]] = {}
    for article_id, fingerprint in mine.items():
        for i, band in enumerate(simhash.bands(fingerprint)):
            by_band.setdefault((i, band), []).append(article_id)
    same_band = Q()
    for i in range(simhash.BANDS):
        same_band |= Q(**{f"band{i}__in": {band for j, band in by_band if j == i}})
    pairs = {}
    band_fields = [f"band{i}" for i in range(simhash.BANDS)]
    # The stored bands, rather than cutting each fingerprint again: most rows share a band and nothing more.
    for other_id, other, *other_bands in (
        Profile.objects.filter(same_band).exclude(simhash=0).values_list("article_id", "simhash", *band_fields)
    ):
        sharing = {article_id for i, band in enumerate(other_bands) for article_id in by_band.get((i, band), ())}
        other = simhash.from_signed(other)
        for article_id in sorted(sharing, key=order.__getitem__):
            bits = simhash.distance(mine[article_id], other)
            if other_id != article_id and bits <= simhash.NEAR_DUPLICATE_BITS:
                newer, older = max(article_id, other_id), min(article_id, other_id)
                pairs[newer, older] = bits
    return NearDuplicate.objects.bulk_create(
        (NearDuplicate(article_id=newer, duplicate_of_id=older, distance=bits) for (newer, older), bits in pairs.items()),
        ignore_conflicts=True,
    )


@transaction.atomic
def duplicate_review(*, duplicate: NearDuplicate, status: str) -> NearDuplicate:
    duplicate.status = status
    duplicate.full_clean()
    duplicate.save(update_fields=["status"])
    return duplicate
