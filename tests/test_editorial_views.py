"""editorial.views: the review page beside the source, its fixes, notes and history, for the right people only."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from editorial.models import Note, SignOff
from tests.desk import PAGE_PARTS, desk, fresh, page  # noqa: F401  (fixtures)

S = Article.Status


@pytest.fixture
def editor_client(desk) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(desk("editor"))
    return client


def _post(client: Client, url: str, data: dict):
    """Post as the page's form does: with the CSRF token from a GET of the review page."""
    client.get(reverse("editorial:review", args=[data.pop("_pk")]))
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def test_review_shows_the_article_beside_its_highlighted_span_and_warnings(editor_client, page):
    Article.objects.filter(pk=page[1].pk).update(warnings=["署名可能不完整"])
    response = editor_client.get(reverse("editorial:review", args=[page[1].pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<mark id="span">{PAGE_PARTS[1]}</mark>' in html
    assert PAGE_PARTS[0] in html and "署名可能不完整" in html
    assert "初审签字" in html and "签发" not in [label for _, label in response.context["moves"]]
    assert "与上一篇合并" in html and "与下一篇合并" in html


@pytest.mark.parametrize("role, status", [(None, 302), ("staff", 403)])
def test_review_needs_a_desk_login_with_view_permission(role, status, desk, page):
    client = Client()
    if role:
        client.force_login(desk(role))
    assert client.get(reverse("editorial:review", args=[page[0].pk])).status_code == status


def test_posts_need_a_csrf_token(editor_client, page):
    response = editor_client.post(reverse("editorial:note", args=[page[0].pk]), {"text": "x"})
    assert response.status_code == 403 and not Note.objects.exists()


def test_approve_from_the_review_page(editor_client, page):
    response = _post(editor_client, reverse("editorial:move", args=[page[0].pk]),
                     {"_pk": page[0].pk, "move": "approve", "version": 1, "note": "已核对"})
    # The first of three levels: signed, and still in review for 复审.
    assert response.status_code == 302 and fresh(page[0]).status == S.IN_REVIEW
    assert SignOff.objects.get(article=page[0]).note == "已核对"


def test_a_refused_move_is_explained_and_changes_nothing(editor_client, page):
    response = _post(editor_client, reverse("editorial:move", args=[page[0].pk]),
                     {"_pk": page[0].pk, "move": "publish", "version": 1})
    follow = editor_client.get(response["Location"])
    assert "没有权限" in follow.content.decode()
    assert fresh(page[0]).status == S.IMPORTED


def test_a_stale_page_cannot_overwrite_a_newer_save(editor_client, page):
    _post(editor_client, reverse("editorial:fix", args=[page[0].pk]),
          {"_pk": page[0].pk, "op": "kind", "block": 1, "kind": "subhead", "version": 1})
    response = _post(editor_client, reverse("editorial:fix", args=[page[0].pk]),
                     {"_pk": page[0].pk, "op": "split", "block": 1, "version": 1})  # from the page as first loaded
    html = editor_client.get(response["Location"]).content.decode()
    assert "你的修改未保存" in html and "[subhead] 第一篇第二段" in html
    assert Article.objects.count() == 3 and fresh(page[0]).version == 2


def test_fix_split_from_the_review_page(editor_client, page):
    _post(editor_client, reverse("editorial:fix", args=[page[0].pk]),
          {"_pk": page[0].pk, "op": "split", "block": 2, "version": 1})
    assert Article.objects.count() == 4
    assert fresh(page[0]).body.endswith("讲直播基地。")


def test_merge_with_previous_lands_on_the_merged_article(editor_client, page):
    response = _post(editor_client, reverse("editorial:fix", args=[page[1].pk]),
                     {"_pk": page[1].pk, "op": "merge_previous", "version": 1})
    assert response["Location"] == reverse("editorial:review", args=[page[0].pk])
    assert not Article.objects.filter(pk=page[1].pk).exists()


def test_correct_the_byline_from_the_review_page(editor_client, page):
    _post(editor_client, reverse("editorial:bylines", args=[page[0].pk]),
          {"_pk": page[0].pk, "people": "记者 丁倩倩\n通讯员 王明\n\n", "version": 1})
    assert [(b.role, b.reporter.name) for b in fresh(page[0]).bylines.all()] == [("记者", "丁倩倩"), ("通讯员", "王明")]


def test_notes_are_added_and_shown_to_the_desk(editor_client, page):
    _post(editor_client, reverse("editorial:note", args=[page[0].pk]), {"_pk": page[0].pk, "text": "第二段待核实"})
    assert "第二段待核实" in editor_client.get(reverse("editorial:review", args=[page[0].pk])).content.decode()


def test_history_shows_a_diff_and_restores_a_version(editor_client, page):
    _post(editor_client, reverse("editorial:fix", args=[page[0].pk]),
          {"_pk": page[0].pk, "op": "kind", "block": 0, "kind": "caption", "version": 1})
    response = editor_client.get(reverse("editorial:history", args=[page[0].pk]))
    html = response.content.decode()
    assert "<ins>[图片说明] </ins>第一篇第一段" in html and ">editor<" in html
    assert "修订 2" in html and "修订 1" in html and "版本" not in html
    baseline = response.context["entries"][-1].version
    _post(editor_client, reverse("editorial:restore", args=[page[0].pk, baseline.pk]), {"_pk": page[0].pk, "version": 2})
    assert fresh(page[0]).body == page[0].body and fresh(page[0]).version == 3


def test_the_desk_opens_on_what_awaits_review(client):
    response = client.get("/desk/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/articles/article/?status__exact=imported"


def test_a_reporter_cannot_note_on_another_reporters_article(desk, page):
    client = Client(enforce_csrf_checks=True)
    client.force_login(desk("reporter"))
    review = client.get(reverse("editorial:review", args=[page[0].pk])).content.decode()
    assert reverse("editorial:note", args=[page[0].pk]) not in review  # no form to fill in
    client.post(reverse("editorial:note", args=[page[0].pk]),
                {"text": "不是我的稿件", "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert not Note.objects.exists()


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", ""])
def test_login_lands_on_the_desk_when_next_is_missing_or_off_site(desk, next_url):
    desk("reporter", "bai", password="白晓的密码-2024")
    query = f"?next={next_url}" if next_url else ""
    response = Client().post(f"/admin/login/{query}", {"username": "bai", "password": "白晓的密码-2024", "next": next_url})
    assert response.status_code == 302
    assert response.url in {reverse("editorial:home"), reverse("admin:index")}
