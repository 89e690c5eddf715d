"""articles.services.naming: the one unique-slug rule, for every model with a unique slug."""

from __future__ import annotations

from taggit.models import Tag

from articles.models import Column
from articles.services.naming import BULK_TRIES, unique_slug, unique_slugs


def test_a_taken_slug_gets_the_next_free_number(db):
    assert unique_slug(Column, "民生实事") == "minsheng-shishi"
    Column.objects.create(name="民生实事", slug="minsheng-shishi")
    Column.objects.create(name="民生实事2", slug="minsheng-shishi-2")
    assert unique_slug(Column, "民生·实事") == "minsheng-shishi-3"


def test_many_at_once_are_unique_among_themselves_and_past_the_bulk_tries(db, django_assert_max_num_queries):
    for n in ["", *(f"-{i}" for i in range(2, BULK_TRIES + 1))]:
        Tag.objects.create(name=f"电商{n}", slug=f"dianshang{n}")
    with django_assert_max_num_queries(2):
        slugs = unique_slugs(Tag, ["直播", "直播！"])
    assert slugs == {"直播": "zhibo", "直播！": "zhibo-2"}
    assert unique_slugs(Tag, ["电商"]) == {"电商": f"dianshang-{BULK_TRIES + 1}"}
