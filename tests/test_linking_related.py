"""linking.services.related: suggestions from the inverted index, and editors' decisions."""

from __future__ import annotations

import pytest
from django.utils import timezone

from articles.models import Article, Byline, Reporter
from linking.models import RelatedLink
from linking.services.extraction import articles_extract
from linking.services.refresh import articles_link
from linking.services.related import link_add, link_decide, suggestions_refresh
from tests.linkingdata import gazetteer  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

TEA = "崂山区王哥庄街道的茶园和民宿吸引游客。茶园采茶，民宿接待，乡村旅游红火。"


@pytest.fixture
def reporter(db) -> Reporter:
    return Reporter.objects.create(name="黄飞", outlet="青岛日报", slug="huang-fei")


@pytest.fixture
def story(gazetteer, make_article, reporter):
    def make(title: str, body: str, *, by: Reporter | None = None, status=Article.Status.PUBLISHED) -> Article:
        article = make_article(title=title, body=body, status=status, published_at=timezone.now())
        if by:
            Byline.objects.create(article=article, reporter=by, position=1)
        articles_link(article_ids=[article.pk])
        return article

    return make


def link(source: Article, target: Article) -> RelatedLink:
    return RelatedLink.objects.get(source=source, target=target)


def test_stories_sharing_a_place_and_reporter_are_suggested_with_reasons(story, reporter):
    tea = story("崂山茶园迎来秋茶季", TEA, by=reporter)
    homestay = story("崂山民宿入住率上升", "崂山区民宿今年入住率上升，茶园游带火乡村民宿。", by=reporter)

    forward = link(homestay, tea)
    assert forward.status == RelatedLink.Status.SUGGESTED
    assert forward.reasons[0] == "共同地点: 崂山区"
    assert "同一记者: 黄飞" in forward.reasons
    assert forward.reason.startswith("共同地点: 崂山区; ")
    # Both ways: the older story learns of the newer one.
    assert link(tea, homestay).score == forward.score


def test_unrelated_stories_are_not_suggested(story):
    tea = story("崂山茶园迎来秋茶季", TEA)
    port = story("港口吞吐量创新高", "集装箱航线新增十条，吞吐量创新高，港口自动化码头投入运营。")
    assert not RelatedLink.objects.filter(source=port, target=tea).exists()


def test_a_stronger_match_scores_higher(story, reporter):
    tea = story("崂山茶园迎来秋茶季", TEA, by=reporter)
    same_story = story("崂山茶园秋茶开采", TEA + "秋茶开采。", by=reporter)
    same_place = story("崂山民宿入住率上升", "崂山区民宿今年入住率上升，游客增多。")
    assert link(tea, same_story).score > link(tea, same_place).score
    assert any(reason.startswith("内容相似") for reason in link(tea, same_story).reasons), link(tea, same_story).reasons


def test_decisions_survive_rescoring(story):
    tea = story("崂山茶园迎来秋茶季", TEA)
    homestay = story("崂山民宿入住率上升", "崂山区民宿今年入住率上升，茶园游带火乡村民宿。")
    rejected = link_decide(link=link(tea, homestay), status=RelatedLink.Status.REJECTED)
    pinned = link_decide(link=link(homestay, tea), status=RelatedLink.Status.PINNED)

    suggestions_refresh(article_ids=[tea.pk, homestay.pk])

    assert link(tea, homestay).status == RelatedLink.Status.REJECTED
    assert link(homestay, tea).status == RelatedLink.Status.PINNED
    assert rejected.pk == link(tea, homestay).pk and pinned.pk == link(homestay, tea).pk


def test_accept_pin_and_reject(story):
    tea = story("崂山茶园迎来秋茶季", TEA)
    homestay = story("崂山民宿入住率上升", "崂山区民宿今年入住率上升，茶园游带火乡村民宿。")
    suggestion = link(tea, homestay)
    for status in (RelatedLink.Status.ACCEPTED, RelatedLink.Status.PINNED, RelatedLink.Status.REJECTED):
        link_decide(link=suggestion, status=status)
        suggestion.refresh_from_db()
        assert suggestion.status == status


def test_an_editor_adds_a_link_by_hand_that_rescoring_keeps(story):
    tea = story("崂山茶园迎来秋茶季", TEA)
    port = story("港口吞吐量创新高", "集装箱航线新增十条，吞吐量创新高，港口自动化码头投入运营。")
    added = link_add(source=tea, target=port)
    suggestions_refresh(article_ids=[tea.pk, port.pk])
    added.refresh_from_db()
    assert (added.status, added.by_hand) == (RelatedLink.Status.ACCEPTED, True)


def test_a_link_to_itself_is_refused(story):
    from django.core.exceptions import ValidationError

    tea = story("崂山茶园迎来秋茶季", TEA)
    with pytest.raises(ValidationError):
        link_add(source=tea, target=tea)


def test_stale_suggestions_go_when_the_story_changes(story):
    tea = story("崂山茶园迎来秋茶季", TEA)
    homestay = story("崂山民宿入住率上升", "崂山区民宿今年入住率上升，茶园游带火乡村民宿。")
    homestay.title, homestay.body = "港口吞吐量创新高", "集装箱航线新增十条，吞吐量创新高，港口自动化码头投入运营。"
    homestay.save()
    articles_link(article_ids=[homestay.pk])
    assert not RelatedLink.objects.filter(source=tea, target=homestay).exists()
    assert not RelatedLink.objects.filter(source=homestay, target=tea).exists()


def test_suggestions_for_an_article_take_a_bounded_number_of_queries(story, reporter, django_assert_max_num_queries):
    tea = story("崂山茶园迎来秋茶季", TEA, by=reporter)
    for i in range(5):
        story(f"崂山茶园{i}", TEA, by=reporter)
    # Profile, mentions, tags, bylines; one capped look-up per entity, tag and reporter;
    # the candidates' features; then delete and upsert.
    with django_assert_max_num_queries(4 + 1 + 6 + 2 + 4 + 2 + 2):
        suggestions_refresh(article_ids=[tea.pk])


def _stored_links() -> list[tuple]:
    return sorted(RelatedLink.objects.values_list("source_id", "target_id", "status", "score", "reasons", "by_hand"))


def test_a_batch_stores_what_refreshing_its_articles_one_by_one_stores(story, reporter, monkeypatch):
    bodies = [
        TEA,
        "崂山区民宿今年入住率上升，茶园游带火乡村民宿。",
        TEA + "秋茶开采。",
        "崂山区王哥庄街道的茶园迎来游客，民宿爆满。",
        "集装箱航线新增十条，吞吐量创新高，港口自动化码头投入运营。",
        "崂山区茶园采茶，游客体验茶文化。",
    ]
    articles = [story(f"崂山稿件{i}", body, by=reporter if i % 2 else None) for i, body in enumerate(bodies)]
    link_decide(link=link(articles[0], articles[2]), status=RelatedLink.Status.REJECTED)
    link_add(source=articles[4], target=articles[0])
    # A story rewritten since its links were made: refreshing drops them, whichever article comes first.
    articles[1].title, articles[1].body = "港口吞吐量创新高", bodies[4]
    articles[1].save()
    articles_extract(article_ids=[articles[1].pk])
    ids = [a.pk for a in reversed(articles)]
    # Two suggestions each: an article can then be among another's best but not have it among
    # its own, so a later refresh in the batch undoes part of an earlier one.
    monkeypatch.setattr("linking.services.related.SUGGESTIONS_PER_ARTICLE", 2)

    for start in ("stored", "none"):  # from the stored suggestions, then from none (all new in the batch)
        if start == "none":
            RelatedLink.objects.filter(status=RelatedLink.Status.SUGGESTED).delete()
        before = _stored_links()
        for pk in ids:
            suggestions_refresh(article_ids=[pk])
        one_by_one = _stored_links()
        RelatedLink.objects.filter(status=RelatedLink.Status.SUGGESTED).delete()
        RelatedLink.objects.bulk_create(RelatedLink(source_id=s, target_id=t, status=st, score=sc, reasons=r, by_hand=h)
                                        for s, t, st, sc, r, h in before if st == RelatedLink.Status.SUGGESTED)
        suggestions_refresh(article_ids=ids)
        assert _stored_links() == one_by_one, start

    assert link(articles[0], articles[2]).status == RelatedLink.Status.REJECTED
    assert not RelatedLink.objects.filter(source=articles[1], target=articles[2]).exists()


def test_a_batch_of_articles_takes_a_fixed_number_of_queries(story, reporter, django_assert_max_num_queries):
    articles = [story(f"崂山茶园{i}", TEA, by=reporter) for i in range(8)]
    # Profiles, mentions, tags, bylines of the batch; one look-up query per kind of feature;
    # the candidates' features; the stored links, then delete and upsert; the savepoint.
    with django_assert_max_num_queries(4 + 3 + 4 + 3 + 2):
        suggestions_refresh(article_ids=[a.pk for a in articles])
