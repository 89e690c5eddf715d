"""linking.admin: the desk for tags, suggestions, related links and duplicates."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article
from linking.admin import TagAdmin
from linking.models import EntitySuggestion, NearDuplicate, RelatedLink
from linking.selectors import tag_for_old_slug

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client):
    client.force_login(User.objects.create_superuser("chief", "chief@example.com", "pw"))
    return client


def act(client, model: str, action: str, ids: list[int]):
    return client.post(
        reverse(f"admin:{model}_changelist"),
        {"action": action, helpers.ACTION_CHECKBOX_NAME: [str(i) for i in ids]},
        follow=True,
    )


def test_our_tag_admin_replaces_taggit_s_and_serves_autocomplete():
    assert isinstance(admin.site._registry[Tag], TagAdmin)
    assert admin.site._registry[Tag].search_fields == ["name"]


def test_merging_tags_from_the_changelist(desk, make_article):
    article = make_article()
    article.tags.add("电商", "网络零售")
    make_article(title="乙").tags.add("电商")
    small = Tag.objects.get(name="网络零售")

    response = act(desk, "taggit_tag", "merge_into_most_used", [t.pk for t in Tag.objects.all()])

    assert response.status_code == 200
    assert list(Tag.objects.values_list("name", flat=True)) == ["电商"]
    assert tag_for_old_slug(slug=small.slug).name == "电商"


def test_renaming_a_tag_in_the_admin_keeps_the_old_slug(desk):
    tag = Tag.objects.create(name="电商", slug="dianshang")
    response = desk.post(reverse("admin:taggit_tag_change", args=[tag.pk]), {
        "name": "电子商务", "slug": "dianzi-shangwu",
        "old_slugs-TOTAL_FORMS": "0", "old_slugs-INITIAL_FORMS": "0",
    })
    assert response.status_code == 302
    assert tag_for_old_slug(slug="dianshang").name == "电子商务"


def test_accepting_an_entity_suggestion(desk):
    suggestion = EntitySuggestion.objects.create(name="河东村", kind="place")
    act(desk, "linking_entitysuggestion", "accept", [suggestion.pk])
    suggestion.refresh_from_db()
    assert suggestion.entity.name == "河东村"


def test_pinning_and_rejecting_related_links(desk, make_article):
    a, b, c = (make_article(title=t, status=Article.Status.PUBLISHED, published_at=timezone.now()) for t in "甲乙丙")
    to_pin = RelatedLink.objects.create(source=a, target=b, score=0.5)
    to_reject = RelatedLink.objects.create(source=a, target=c, score=0.5)
    act(desk, "linking_relatedlink", "pin", [to_pin.pk])
    act(desk, "linking_relatedlink", "reject", [to_reject.pk])
    assert dict(RelatedLink.objects.values_list("target__title", "status")) == {"乙": "pinned", "丙": "rejected"}


def test_adding_a_related_link_by_hand(desk, make_article):
    a, b = make_article(title="甲"), make_article(title="乙")
    response = desk.post(reverse("admin:linking_relatedlink_add"), {"source": a.pk, "target": b.pk, "status": "accepted"})
    assert response.status_code == 302
    link = RelatedLink.objects.get()
    assert (link.source, link.target, link.by_hand) == (a, b, True)


def test_reviewing_a_near_duplicate(desk, make_article):
    flag = NearDuplicate.objects.create(article=make_article(title="甲"), duplicate_of=make_article(title="乙"), distance=2)
    act(desk, "linking_nearduplicate", "dismiss", [flag.pk])
    flag.refresh_from_db()
    assert flag.status == NearDuplicate.Status.DISMISSED


@pytest.mark.parametrize("model", ["taggit_tag", "linking_entity", "linking_entitysuggestion", "linking_relatedlink", "linking_nearduplicate"])
def test_changelists_render(desk, model):
    assert desk.get(reverse(f"admin:{model}_changelist")).status_code == 200
