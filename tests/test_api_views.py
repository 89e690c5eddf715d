"""api.views: each operation's shape, published articles only, pagination, ninjs that validates, fixed query counts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from articles.exporting import article_ninjs
from articles.models import Article, SourcePage
from search.selectors import search_ranked

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "fixtures" / "ninjs-schema_3.1.json").read_text("utf-8"))
ISSUES = "/api/v1/publications/qingdao-ribao/issues"
PAGE = f"{ISSUES}/2023-10-11/pages/1/articles"
DRAFTS_PAGE = f"{ISSUES}/2025-02-28/pages/2/articles"  # four of its articles were imported, never published
EPOCH = "2000-01-01T00:00:00Z"


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, response.content[:300])
    return response.json()


def ids(items: list[dict]) -> list[int]:
    return [int(item["uri"].rsplit("/", 1)[1]) for item in items]


def alt(item: dict, role: str) -> str:
    return next(a["value"] for a in item["altIds"] if a["role"] == role)


def assert_valid_ninjs(items: list[dict]) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for item in items:
        errors = sorted(validator.iter_errors(item), key=str)
        assert not errors, [e.message for e in errors[:3]]


def test_publications(client, seeded_archive):
    listed = get(client, "/api/v1/publications")
    assert listed["total"] == 3 and (listed["limit"], listed["offset"]) == (20, 0)
    assert listed["items"][1] == {"slug": "qingdao-ribao", "name": "青岛日报", "short_name": ""}
    assert [p["slug"] for p in listed["items"]] == ["dazhong-ribao", "qingdao-ribao", "qingdao-wanbao"]


def test_issues_newest_first_and_one_by_date(client, seeded_archive):
    listed = get(client, ISSUES)
    assert [i["edition_date"] for i in listed["items"]] == ["2025-02-28", "2024-08-06", "2023-10-11"]
    one = get(client, f"{ISSUES}/2023-10-11")
    assert one == {"publication": "qingdao-ribao", "edition_date": "2023-10-11", "page_count": 1, "article_count": 6}
    assert listed["items"][2] == one
    # The four unpublished articles of 2025-02-28 are not counted.
    assert get(client, f"{ISSUES}/2025-02-28")["article_count"] == 4


def test_unknown_publication_issue_and_page_are_404_in_the_readers_language(client, seeded_archive):
    assert get(client, "/api/v1/publications/renmin-ribao/issues", 404) == {"detail": "没有这份报纸。"}
    assert get(client, f"{ISSUES}/2023-10-12", 404) == {"detail": "这份报纸在该日期没有出版。"}
    assert get(client, f"{ISSUES}/2023-10-11/pages/9/articles", 404) == {"detail": "这一期没有这个版面。"}
    with override_settings(LANGUAGE_CODE="en"):  # an install's language (NEWSROOM_LANGUAGE)
        english = client.get(f"{ISSUES}/2023-10-12")
    assert english.json() == {"detail": "No issue of this publication on that date."}


def test_pages_of_an_issue(client, seeded_archive):
    listed = get(client, f"{ISSUES}/2023-10-11/pages")
    assert listed["total"] == 1
    assert listed["items"] == [{"number": 1, "name": "要闻", "label": "第1版", "article_count": 6, "credits": []}]


def test_a_pages_credits_are_its_staff_lines(client, seeded_archive):
    SourcePage.objects.filter(number=1, issue__edition_date="2023-10-11").update(credits="本版编辑：张三\n本版摄影 李四")
    cache.clear()
    assert get(client, f"{ISSUES}/2023-10-11/pages")["items"][0]["credits"] == ["本版编辑：张三", "本版摄影 李四"]


def test_articles_of_a_page_in_printed_order_as_ninjs(client, seeded_archive):
    listed = get(client, PAGE)
    assert listed["total"] == 6
    positions = [int(alt(item, "source-page").rsplit("#", 1)[1]) for item in listed["items"]]
    assert positions == sorted(positions)
    assert {alt(item, "page-name") for item in listed["items"]} == {"要闻"}
    assert_valid_ninjs(listed["items"])
    first = Article.objects.get(pk=ids(listed["items"])[0])
    assert listed["items"][0] == json.loads(json.dumps(article_ninjs(first)))  # the one serializer, as is


def test_one_article(client, seeded_archive):
    article = Article.objects.published().first()
    item = get(client, f"/api/v1/articles/{article.pk}")
    assert item["headlines"][0] == {"role": "main", "value": article.display_title}
    assert item["pubStatus"] == "usable"
    assert_valid_ninjs([item])
    assert get(client, "/api/v1/articles/999999", 404) == {"detail": "没有这篇稿件。"}


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.IMPORTED, Article.Status.SCHEDULED,
                                    Article.Status.UNPUBLISHED, Article.Status.SPIKED])
def test_an_article_readers_may_not_see_is_404(client, make_article, status):
    article = make_article(status=status, published_at=timezone.now())
    assert get(client, f"/api/v1/articles/{article.pk}", 404)["detail"]


def test_a_jumped_story_is_whole_and_its_later_part_is_not_an_article(client, make_article):
    since = timezone.now().isoformat()
    first = make_article(title="青岛港扩建", body="前半部分。", continues_to="第2版",
                         status=Article.Status.PUBLISHED, published_at=timezone.now())
    later = make_article(title="", body="后半部分。", continued_from="第1版", continuation_of=first,
                         status=Article.Status.PUBLISHED, published_at=timezone.now())
    item = get(client, f"/api/v1/articles/{first.pk}")
    assert item["bodies"][0]["value"] == "前半部分。\n\n后半部分。"
    assert get(client, f"/api/v1/articles/{later.pk}", 404)
    assert ids(get(client, "/api/v1/changes", since=since)["items"]) == [first.pk]


def test_drafts_appear_nowhere(client, seeded_archive):
    drafts = set(Article.objects.filter(status=Article.Status.IMPORTED).values_list("pk", flat=True))
    assert len(drafts) == 4
    draft = Article.objects.get(pk=min(drafts))
    seen: set[int] = set()
    seen |= set(ids(get(client, DRAFTS_PAGE, limit=100)["items"]))
    seen |= set(ids(get(client, "/api/v1/changes", since=EPOCH, limit=100)["items"]))
    for word in (draft.title[:2], draft.title[-4:], "青岛"):
        seen |= set(ids(get(client, "/api/v1/search", q=word, limit=100)["items"]))
    assert seen and not seen & drafts
    for pk in drafts:
        assert get(client, f"/api/v1/articles/{pk}", 404)
    # Never published, so not "removed" either: a removed id says a client may have had it.
    assert not set(get(client, "/api/v1/changes", since=EPOCH)["removed"]) & drafts


def test_search(client, seeded_archive):
    found = get(client, "/api/v1/search", q="青岛", limit=5, offset=5)
    ranked = search_ranked("青岛")
    assert found["total"] == len(ranked) > 10
    assert ids(found["items"]) == ranked[5:10]
    assert_valid_ninjs(found["items"])
    assert get(client, "/api/v1/search", q="没有这个词语吧", limit=5) == {"total": 0, "limit": 5, "offset": 0, "items": []}
    assert get(client, "/api/v1/search", 422)  # q is required


def test_pages_of_a_list_are_the_whole_list_in_a_stable_order(client, seeded_archive):
    whole = ids(get(client, "/api/v1/changes", since=EPOCH, limit=100)["items"])
    paged = []
    for offset in range(0, len(whole), 4):
        window = get(client, "/api/v1/changes", since=EPOCH, limit=4, offset=offset)
        assert window["total"] == len(whole) and len(window["items"]) <= 4
        paged += ids(window["items"])
    assert paged == whole and len(set(whole)) == len(whole) == Article.objects.published().count()
    assert_valid_ninjs(get(client, "/api/v1/changes", since=EPOCH, limit=100)["items"])


@pytest.mark.parametrize("params", [{"limit": 101}, {"limit": 0}, {"offset": -1}, {"limit": "ten"}])
def test_a_window_out_of_bounds_is_refused(client, params):
    assert get(client, "/api/v1/publications", 422, **params)


def test_changes_since_a_time(client, seeded_archive):
    since = timezone.now()
    edited, unpublished, deleted, spiked = list(Article.objects.published().order_by("pk")[:4])
    edited.subtitle = "新的副题"
    edited.save()
    unpublished.status = Article.Status.UNPUBLISHED
    unpublished.save()
    spiked.status = Article.Status.SPIKED
    spiked.save()
    deleted_pk = deleted.pk
    deleted.delete()  # imported: leaves a tombstone

    answer = get(client, "/api/v1/changes", since=since.isoformat())
    assert ids(answer["items"]) == [edited.pk]
    assert {"role": "subtitle", "value": "新的副题"} in answer["items"][0]["headlines"]
    assert answer["removed"] == sorted([unpublished.pk, deleted_pk, spiked.pk])  # ids, no content
    # Times are given to the millisecond.
    assert abs(datetime.fromisoformat(answer["since"]) - since) < timedelta(milliseconds=1)
    assert abs(datetime.fromisoformat(answer["next_since"]) - since) < timedelta(milliseconds=1)  # never before since
    assert answer["total"] == 1

    # The next since is where this one left off; a change committed while it was read is repeated, not missed.
    later = get(client, "/api/v1/changes", since=answer["next_since"])
    assert ids(later["items"]) == [edited.pk]


def test_the_next_since_is_a_minute_before_the_answer(client, seeded_archive):
    before = timezone.now()
    answer = get(client, "/api/v1/changes", since=(before - timedelta(minutes=10)).isoformat())
    next_since = datetime.fromisoformat(answer["next_since"])
    assert before - timedelta(seconds=61) < next_since <= timezone.now() - timedelta(seconds=60)


def test_changes_since_a_local_time_without_offset(client, seeded_archive):
    # A time without an offset is the site's (TIME_ZONE, Asia/Shanghai).
    local = timezone.localtime(timezone.now() - timedelta(hours=1)).replace(tzinfo=None)
    answer = get(client, "/api/v1/changes", since=local.isoformat())
    given = datetime.fromisoformat(answer["since"]).astimezone(UTC)
    assert abs(given - timezone.make_aware(local).astimezone(UTC)) < timedelta(milliseconds=1)
    assert answer["total"] == Article.objects.published().count()  # all seeded a moment ago
    assert get(client, "/api/v1/changes", 422, since="yesterday")


# Queries per answer, whatever the number of items: the ETag's aggregate, the
# lookups of the URL's publication/issue/page, the count, the rows, and per
# ninjs list the bylines, jumped stories' later parts and tags.
LISTS = [
    ("/api/v1/publications", {}, 3),
    (ISSUES, {}, 5),  # and their counts
    (f"{ISSUES}/2023-10-11/pages", {}, 5),
    (PAGE, {}, 9),
    ("/api/v1/search", {"q": "青岛"}, 6),  # the index generation, then the rows (the hits are read once per process: search.hitsets)
    ("/api/v1/changes", {"since": EPOCH}, 8),  # and the removed ids, and the tombstones
]


@pytest.mark.parametrize(("url", "params", "queries"), LISTS)
def test_list_queries_do_not_grow_with_items(client, seeded_archive, django_assert_num_queries, url, params, queries):
    sizes = []
    get(client, url, limit=1, **params)  # search reads the facet entries and words once per process (search.columns, hitsets)
    for limit in (1, 100):
        with django_assert_num_queries(queries):
            sizes.append(len(get(client, url, limit=limit, **params)["items"]))
    assert sizes[0] == 1 and sizes[1] > 1 or url == f"{ISSUES}/2023-10-11/pages"


def test_the_openapi_schema_and_its_docs_page(client):
    schema = get(client, "/api/v1/openapi.json")
    assert schema["info"]["title"] == "Newsroom 接口"
    assert {
        "/api/v1/publications", "/api/v1/publications/{slug}/issues", "/api/v1/publications/{slug}/issues/{edition_date}",
        "/api/v1/publications/{slug}/issues/{edition_date}/pages",
        "/api/v1/publications/{slug}/issues/{edition_date}/pages/{number}/articles",
        "/api/v1/articles/{article_id}", "/api/v1/search", "/api/v1/changes",
    } == set(schema["paths"])
    assert all(set(ops) == {"get"} for ops in schema["paths"].values())  # read-only
    issue = schema["components"]["schemas"]["IssueOut"]["properties"]
    assert issue["article_count"]["description"] == "这一期已发布的稿件数"
    with override_settings(LANGUAGE_CODE="en"):
        english = client.get("/api/v1/openapi.json").json()
    assert english["info"]["title"] == "Newsroom API"

    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    page = docs.content.decode()
    # Swagger UI from our own static files: the CSP (script-src 'self') would refuse a CDN's.
    assert "/static/ninja/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert "<title>Newsroom 接口</title>" in page
    assert "script-src 'self'" in docs["Content-Security-Policy"]
