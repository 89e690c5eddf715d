"""linking.services.rows: bulk writes in one executemany statement."""

from __future__ import annotations

import pytest
from django.db import connection
from taggit.models import Tag

from linking.models import AutoTag, Entity, Mention
from linking.services.rows import insert_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def tags(db) -> list[Tag]:
    return [Tag.objects.create(name=name, slug=slug) for name, slug in (("电商", "dianshang"), ("港口", "gangkou"))]


def test_rows_are_inserted_in_order_with_their_values(make_article, tags):
    article = make_article()
    entity = Entity.objects.create(name="青岛", slug="qingdao", kind=Entity.Kind.PLACE)
    forms = Mention._meta.get_field("forms").get_db_prep_save(["青岛", "岛城"], connection)
    insert_rows(Mention, ("article", "entity", "forms", "position"), [(article.pk, entity.pk, forms, 3)])
    insert_rows(AutoTag, ("article", "tag", "removed"), [(article.pk, t.pk, False) for t in reversed(tags)])

    mention = Mention.objects.get()
    assert (mention.article, mention.entity, mention.forms, mention.position) == (article, entity, ["青岛", "岛城"], 3)
    assert list(AutoTag.objects.order_by("pk").values_list("tag__name", "removed")) == [("港口", False), ("电商", False)]


def test_a_conflicting_row_is_left_out_without_update_fields(make_article, tags):
    article = make_article()
    AutoTag.objects.create(article=article, tag=tags[0], removed=True)
    insert_rows(AutoTag, ("article", "tag", "removed"), [(article.pk, t.pk, False) for t in tags], conflict=("article", "tag"))
    assert dict(AutoTag.objects.values_list("tag__name", "removed")) == {"电商": True, "港口": False}


def test_a_conflicting_row_updates_the_update_fields(make_article, tags):
    article = make_article()
    AutoTag.objects.create(article=article, tag=tags[0], removed=True)
    insert_rows(
        AutoTag, ("article", "tag", "removed"), [(article.pk, tags[0].pk, False)], conflict=("article", "tag"), update=("removed",)
    )
    assert list(AutoTag.objects.values_list("tag__name", "removed")) == [("电商", False)]


def test_no_rows_no_statement(django_assert_num_queries):
    with django_assert_num_queries(0):
        insert_rows(AutoTag, ("article", "tag", "removed"), [])
