"""editorial.views: the review page beside the source, its fixes, notes and history, for the right people only."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Issue, Publication, Reporter, SourcePage
from editorial import services
from editorial.models import Note, ProofMark, SignOff
from tests.desk import PAGE_PARTS, desk, fresh, page, signed  # noqa: F401  (fixtures)

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


def _review(client: Client, article: Article) -> str:
    response = client.get(reverse("editorial:review", args=[article.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_review_shows_edition_dateline_and_the_jump_parts_linked(editor_client, page):
    publication = Publication.objects.create(name="青岛日报", slug="qingdao-ribao")
    issue = Issue.objects.create(publication=publication, edition_date=date(2024, 8, 6))
    SourcePage.objects.filter(pk=page[0].source_page_id).update(issue=issue, page_label="第1版", name="要闻")
    later_page = SourcePage.objects.create(file_name="101_desk.txt", sha256="3" * 64, raw_text="续文", page_label="第3版")
    later = Article.objects.create(source_page=later_page, position=1, span_start=0, span_end=2, body="续文",
                                   continued_from="上接第1版", continuation_of=page[0], status=S.IMPORTED)
    Article.objects.filter(pk=page[0].pk).update(dateline="本报8月5日讯", continues_to="下转第3版")

    html = _review(editor_client, page[0])
    assert "青岛日报 2024-08-06 第1版 · 要闻" in html and "本报8月5日讯" in html
    assert f'href="{reverse("editorial:review", args=[later.pk])}"' in html
    assert f'href="{reverse("editorial:review", args=[page[0].pk])}"' in _review(editor_client, later)


def test_review_shows_sign_offs_and_voided_ones(editor_client, desk, page):
    services.article_approve(article=fresh(page[0]), user=desk("editor", "wang"), note="已核对原版")
    services.article_send_back(article=fresh(page[0]), user=desk("chief"), note="再核")  # asks as 终审: 初审 stands
    services.article_approve(article=fresh(page[1]), user=desk("editor", "zhao"))
    services.article_send_back(article=fresh(page[1]), user=desk("editor", "qian"))  # asks as 初审: voided
    html = _review(editor_client, page[0])
    assert "初审：<strong>wang</strong>" in html and "已核对原版" in html and "复审：<span class=\"quiet\">尚未签字" in html
    assert "<del>初审：zhao" in _review(editor_client, page[1])


def test_the_approve_button_names_the_level_and_only_allowed_moves_show(desk, page):
    client = Client()
    client.force_login(desk("director"))
    assert 'value="approve"' not in _review(client, page[0])  # 初审 is not theirs
    services.article_approve(article=fresh(page[0]), user=desk("editor"))
    html = _review(client, page[0])
    assert "复审签字" in html and 'value="publish"' not in html


def test_no_split_merge_or_move_on_a_public_story(desk, page):
    client = Client()
    client.force_login(desk("chief"))
    Article.objects.filter(pk=page[1].pk).update(status=S.PUBLISHED)
    html = _review(client, page[1])
    assert 'value="split"' not in html and 'value="merge_previous"' not in html and 'value="move_next"' not in html
    assert 'value="kind"' in html  # the chief may still fix a block's kind (and records a correction)
    assert 'value="split"' in _review(client, page[0])


def test_a_reporter_sees_no_mark_form_and_no_moves_on_a_story_in_review(desk, page):
    reporter = desk("reporter")
    Reporter.objects.update(user=reporter)
    Article.objects.filter(pk=page[0].pk).update(status=S.IN_REVIEW)
    client = Client()
    client.force_login(reporter)
    html = _review(client, page[0])
    assert 'id="mark-form"' not in html and 'id="workflow"' not in html


def test_mark_a_passage_and_resolve_it_from_the_review_page(editor_client, page):
    _post(editor_client, reverse("editorial:mark", args=[page[0].pk]),
          {"_pk": page[0].pk, "start": 0, "end": 5, "query": "请核实"})
    mark = ProofMark.objects.get()
    assert mark.passage == page[0].body[:5] and mark.author.username == "editor"
    html = _review(editor_client, page[0])
    assert f"<q>{page[0].body[:5]}</q>" in html and "请核实" in html
    _post(editor_client, reverse("editorial:mark_resolve", args=[page[0].pk, mark.pk]), {"_pk": page[0].pk})
    assert not ProofMark.objects.get().is_open
    response = _post(editor_client, reverse("editorial:mark", args=[page[0].pk]),
                     {"_pk": page[0].pk, "start": 0, "end": 999, "query": "越界"})
    assert "请选择正文中的一段" in editor_client.get(response["Location"]).content.decode()
    assert ProofMark.objects.count() == 1


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_review_page_queries_do_not_grow_with_sign_offs_marks_and_parts(editor_client, desk, page):
    url = reverse("editorial:review", args=[page[0].pk])
    bare = _count(editor_client, url)
    signed(page[0], levels=2)
    SignOff.objects.create(article=page[0], level="first", user=desk("chief"), voided_at=timezone.now())
    for i in range(5):
        ProofMark.objects.create(article=page[0], start=i, end=i + 1, passage="x", query="?", author=desk("director", f"d{i}"))
    later_page = SourcePage.objects.create(file_name="102_desk.txt", sha256="4" * 64, raw_text="续文")
    for i in range(3):
        Article.objects.create(source_page=later_page, position=i + 1, span_start=0, span_end=2, body="续",
                               continuation_of=page[0], status=S.IMPORTED)
    Article.objects.filter(pk=page[0].pk).update(continues_to="下转第3版")
    Article.objects.filter(pk=page[0].pk).update(status=S.IN_REVIEW)
    assert _count(editor_client, url) == bare


def test_history_queries_do_not_grow_with_revisions(editor_client, page):
    url = reverse("editorial:history", args=[page[0].pk])
    _post(editor_client, reverse("editorial:fix", args=[page[0].pk]),
          {"_pk": page[0].pk, "op": "kind", "block": 0, "kind": "caption", "version": 1})
    two = _count(editor_client, url)
    for version, kind in [(2, "p"), (3, "subhead"), (4, "p")]:
        _post(editor_client, reverse("editorial:fix", args=[page[0].pk]),
              {"_pk": page[0].pk, "op": "kind", "block": 0, "kind": kind, "version": version})
    assert len(editor_client.get(url).context["entries"]) == 5
    assert _count(editor_client, url) == two


def test_history_shows_changed_fields_side_by_side_and_no_internal_ones(editor_client, page):
    article = fresh(page[0])
    article.title = "第一篇新标题"
    services.article_store(article=article, user=get_user_model().objects.get(username="editor"), seen_version=article.version)
    Article.objects.filter(pk=page[0].pk).update(span_end=99, import_hash="f" * 64)
    html = editor_client.get(reverse("editorial:history", args=[page[0].pk])).content.decode()
    assert "第一篇<ins>新</ins>标题" in html and "<span>主题</span>" in html
    for internal in ("起始位置", "结束位置", "导入指纹", "版面顺序", "span_end"):
        assert internal not in html
