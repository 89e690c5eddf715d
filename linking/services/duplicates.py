"""Near-duplicate detection: the same story on two pages or in two outlets, or a re-scanned page."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils import timezone

from linking import simhash
from linking.models import NearDuplicate, Profile
from linking.services.rows import insert_rows

# Eight probes an article, each an OR'ed term: 50 articles stay within SQLite's expression depth of 1,000.
PROBED_PER_QUERY = 50
_PROBED_BANDS = [(i, j) for i, _, j, _ in simhash.probes(0)]  # the (equal band, near band) of each probe


@transaction.atomic
def duplicates_detect(*, article_ids: Iterable[int]) -> int:
    """Flag every article within NEAR_DUPLICATE_BITS of one of these, in three queries (one more per PROBED_PER_QUERY); returns the pairs found.

    A fingerprint of 0 means no text to compare (a photo without caption)
    and is skipped. The newer article of a pair is flagged as the duplicate.
    """
    mine = {
        p.article_id: simhash.from_signed(p.simhash)
        for p in Profile.objects.filter(article_id__in=list(article_ids)).exclude(simhash=0)
    }
    if not mine:
        return 0
    pairs = {}
    ids = list(mine)
    band_fields = [f"band{i}" for i in range(simhash.BANDS)]
    for start in range(0, len(ids), PROBED_PER_QUERY):
        chunk = ids[start: start + PROBED_PER_QUERY]
        probing: dict[tuple[int, int, int, int], list[int]] = {}  # (band i, value, band j, value) -> articles
        for article_id in chunk:
            for i, value, j, values in simhash.probes(mine[article_id]):
                for other_value in values:
                    probing.setdefault((i, value, j, other_value), []).append(article_id)
        near = _probes_sql([mine[article_id] for article_id in chunk])
        for other_id, other, *other_bands in (
            Profile.objects.filter(near).exclude(simhash=0).values_list("article_id", "simhash", *band_fields)
        ):
            # Only the articles whose probe the row matched can be near it.
            probed = {
                article_id
                for i, j in _PROBED_BANDS
                for article_id in probing.get((i, other_bands[i], j, other_bands[j]), ())
            }
            other = simhash.from_signed(other)
            for article_id in probed:
                bits = simhash.distance(mine[article_id], other)
                if other_id != article_id and bits <= simhash.NEAR_DUPLICATE_BITS:
                    pairs[max(article_id, other_id), min(article_id, other_id)] = bits
    _insert_pairs(pairs)
    return len(pairs)


def _insert_pairs(pairs: dict[tuple[int, int], int]) -> None:
    """Store each (newer, older) pair as an open flag unless it is flagged already (an editor's review stays)."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    insert_rows(
        NearDuplicate,
        ("article", "duplicate_of", "distance", "status", "created_at"),
        ((newer, older, bits, NearDuplicate.Status.OPEN.value, now) for (newer, older), bits in pairs.items()),
        conflict=("article", "duplicate_of"),
    )


def _probes_sql(fingerprints: list[int]) -> RawSQL:
    """Rows matching a probe of any of these fingerprints, as one condition on the profile table.

    Written out rather than as Q objects: compiling 400 of them took longer
    than the database took to answer.
    """
    column = [connection.ops.quote_name(Profile._meta.get_field(f"band{i}").column) for i in range(simhash.BANDS)]
    terms, params = [], []
    for fingerprint in fingerprints:
        for i, value, j, values in simhash.probes(fingerprint):
            terms.append(f"({column[i]} = %s AND {column[j]} IN ({', '.join(['%s'] * len(values))}))")
            params += [value, *values]
    return RawSQL(" OR ".join(terms), params, output_field=BooleanField())


@transaction.atomic
def duplicate_review(*, duplicate: NearDuplicate, status: str) -> NearDuplicate:
    duplicate.status = status
    duplicate.full_clean()
    duplicate.save(update_fields=["status"])
    return duplicate
