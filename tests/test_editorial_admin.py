"""editorial.admin (the desk's article admin): bounded queries, filters, search, permitted bulk actions,
optimistic locking on the change form, revisions and notes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Byline, Reporter, Section, SourcePage
from editorial.models import Note, ProofMark, SignOff
from linking.models import RelatedLink
from tests.desk import desk, fresh, page, signed  # noqa: F401  (fixtures)

S = Article.Status
CHANGELIST = reverse("admin:articles_article_changelist")


def _articles(n: int, *, bylines: int = 3, tags: int = 3) -> list[Article]:
    source = SourcePage.objects.create(file_name=f"{n}.txt", sha256="2" * 64, raw_text="正文" * 50, outlet="青岛日报")
    reporters = [Reporter.objects.create(name=f"记者{n}-{i}", slug=f"r-{n}-{i}") for i in range(bylines)]
    made = []
    for i in range(n):
        article = Article.objects.create(
            source_page=source, position=i + 1, span_start=0, span_end=10, title=f"标题{i}", body="正文。",
            status=S.IMPORTED, warnings=["署名不完整"] if i % 2 else [],
        )
        Byline.objects.bulk_create(Byline(article=article, reporter=r, position=j + 1) for j, r in enumerate(reporters))
        article.tags.add(*[f"标签{j}" for j in range(tags)])
        made.append(article)
    return made


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def chief_client(desk) -> Client:
    client = Client()
    client.force_login(desk("chief"))
    return client


def test_changelist_queries_do_not_grow_with_articles_bylines_and_tags(chief_client):
    _articles(5, bylines=1, tags=1)
    few = _queries(chief_client, CHANGELIST)
    _articles(50, bylines=4, tags=5)
    many = _queries(chief_client, CHANGELIST + "?all=")
    assert few == many


def test_change_page_queries_do_not_grow_with_bylines_tags_notes_sign_offs_marks_and_log(chief_client, desk):
    small, large = _articles(1, bylines=1, tags=1)[0], _articles(2, bylines=8, tags=12)[1]
    editor = desk("editor")
    for i in range(6):
        Note.objects.create(article=large, author=editor, text=f"备注{i}")
        ProofMark.objects.create(article=large, start=0, end=1, passage="正", query=f"待核实{i}", author=editor)
    signed(large)
    SignOff.objects.filter(article=large, level="first").update(user=editor)
    for target in _articles(5):
        RelatedLink.objects.create(source=large, target=target, score=0.5, reasons=["共同地点: 崂山区"])
    assert _queries(chief_client, reverse("admin:articles_article_change", args=[small.pk])) == _queries(
        chief_client, reverse("admin:articles_article_change", args=[large.pk])
    )
    html = chief_client.get(reverse("admin:articles_article_change", args=[large.pk])).content.decode()
    assert html.count("共同地点: 崂山区") == 5  # the related-links inline, one row per link
    assert html.count("待核实") == 6 and "复审" in html  # the marks and sign-offs, read-only


def test_changelist_shows_reporters_tags_and_filters(chief_client):
    articles = _articles(4, bylines=2, tags=1)
    response = chief_client.get(CHANGELIST)
    html = response.content.decode()
    assert "记者4-0、记者4-1" in html and "标签0" in html
    assert chief_client.get(CHANGELIST + "?warnings=yes").context["cl"].result_count == 2
    assert chief_client.get(CHANGELIST + "?warnings=no").context["cl"].result_count == 2
    assert chief_client.get(CHANGELIST + f"?source_page={articles[0].source_page_id}").context["cl"].result_count == 4
    reporter = Reporter.objects.get(name="记者4-0")
    assert chief_client.get(CHANGELIST + f"?bylines__reporter__id__exact={reporter.pk}").context["cl"].result_count == 4
    assert chief_client.get(CHANGELIST + "?status__exact=published").context["cl"].result_count == 0


@pytest.mark.parametrize("value", ["²", "99999999999999999999"])
def test_an_odd_page_filter_is_refused_not_a_500(chief_client, page, value):
    # The filter is offered only when there are pages. The admin's answer to a lookup it cannot use: back to the list with ?e=1.
    response = chief_client.get(CHANGELIST + f"?source_page={value}")
    assert response.status_code == 302 and response.url.endswith("?e=1")


def test_search_goes_through_the_search_app(chief_client, monkeypatch):
    _articles(3)
    calls = []

    def fake_search_filter(queryset, query):
        calls.append(query)
        return queryset.filter(title="标题1")

    monkeypatch.setattr("editorial.admin.search_filter", fake_search_filter)
    response = chief_client.get(CHANGELIST + "?q=青岛 电商")
    assert calls == ["青岛 电商"] and [a.title for a in response.context["cl"].result_list] == ["标题1"]


@pytest.mark.parametrize(
    "role, actions",
    [
        ("reporter", {"assign_section", "add_tags", "submit"}),
        ("editor", {"assign_section", "add_tags", "submit", "approve"}),
        ("chief", {"assign_section", "add_tags", "submit", "approve", "publish"}),
    ],
)
def test_bulk_actions_offered_are_those_the_role_may_use(role, actions, desk, rf):
    from django.contrib.admin import site

    request = rf.get(CHANGELIST)
    request.user = desk(role)
    offered = set(site._registry[Article].get_actions(request)) - {"delete_selected"}
    assert offered == actions


def _action(client: Client, action: str, articles: list[Article], **extra):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [a.pk for a in articles], "index": 0, **extra})


def test_bulk_assign_section_and_add_tags(chief_client, page):
    section = Section.objects.create(name="经济", slug="jingji")
    _action(chief_client, "assign_section", page[:2], section=section.pk)
    _action(chief_client, "add_tags", page[:2], tags="电商，青岛")
    assert [fresh(a).section for a in page] == [section, section, None]
    assert sorted(fresh(page[0]).tags.names()) == ["电商", "青岛"] and fresh(page[0]).version == 3


def test_bulk_publish_reports_what_it_could_not_publish(chief_client, page):
    Article.objects.filter(pk=page[0].pk).update(status=S.APPROVED)
    signed(page[0])
    response = _action(chief_client, "publish", page[:2])
    follow = chief_client.get(response["Location"]).content.decode()
    assert fresh(page[0]).status == S.PUBLISHED and fresh(page[1]).status == S.IMPORTED
    assert "已发布：1 篇" in follow and "不能签发" in follow


def _change_data(client: Client, article: Article) -> dict:
    """The change form's data as a browser would post it."""
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    data = {}
    for form in [response.context["adminform"].form, *[f for fs in response.context["inline_admin_formsets"] for f in fs.formset.forms]]:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None:
                continue
            data[form.add_prefix(name)] = [str(v) for v in value] if isinstance(value, list) else value
    for fs in response.context["inline_admin_formsets"]:
        management = fs.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    data.pop("tags", None)
    return data


def test_the_second_of_two_concurrent_admin_saves_is_refused_and_shows_the_change(desk, page):
    first, second = Client(), Client()
    first.force_login(desk("editor", "wang"))
    second.force_login(desk("chief", "li"))
    url = reverse("admin:articles_article_change", args=[page[0].pk])
    mine, theirs = _change_data(first, page[0]), _change_data(second, page[0])  # both open the form

    theirs["title"] = "李的标题"
    assert second.post(url, theirs).status_code == 302
    mine["title"] = "王的标题"
    response = first.post(url, mine)

    assert response.status_code == 200  # the form again, with the refusal
    html = response.content.decode()
    assert "你的修改未保存" in html and "+主题：李的标题" in html and "li" in html
    stored = fresh(page[0])
    assert stored.title == "李的标题" and stored.version == 2


def test_an_admin_save_keeps_a_revision_with_the_bylines(chief_client, page):
    data = _change_data(chief_client, page[0])
    data["title"] = "新标题"
    data["notes-0-text"] = "标题改短了"
    response = chief_client.post(reverse("admin:articles_article_change", args=[page[0].pk]), data)
    assert response.status_code == 302
    versions = Version.objects.get_for_object(fresh(page[0]))
    assert versions.count() == 2  # the imported baseline and this save
    latest = versions.first()
    assert latest.revision.user.username == "chief" and "主题" in latest.revision.comment
    assert latest.revision.version_set.count() == 2  # the article and its byline
    note = Note.objects.get()
    assert (note.text, note.author.username) == ("标题改短了", "chief")


def test_reporters_change_only_their_own_drafts(desk, page):
    reporter = desk("reporter")
    client = Client()
    client.force_login(reporter)
    url = reverse("admin:articles_article_change", args=[page[0].pk])
    assert client.post(url, _change_data(client, page[0])).status_code == 403
    Reporter.objects.update(user=reporter)
    data = _change_data(client, page[0])
    data["title"] = "记者改的标题"
    assert client.post(url, data).status_code == 302 and fresh(page[0]).title == "记者改的标题"


def test_tags_are_chosen_by_autocomplete_and_saved(desk, page):
    from taggit.models import Tag

    client = Client()
    client.force_login(desk("editor"))
    tag = Tag.objects.create(name="电商", slug="dianshang")
    url = reverse("admin:articles_article_change", args=[page[0].pk])
    data = _change_data(client, page[0])
    assert 'data-ajax--url="/admin/autocomplete/"' in client.get(url).content.decode()
    found = client.get("/admin/autocomplete/", {"app_label": "articles", "model_name": "article", "field_name": "tags", "term": "电"})
    assert found.json()["results"] == [{"id": str(tag.pk), "text": "电商"}]
    data["tags"] = [str(tag.pk)]
    assert client.post(url, data).status_code == 302
    assert list(fresh(page[0]).tags.names()) == ["电商"]


def test_a_save_racing_past_the_form_check_is_still_refused_whole(desk, page, monkeypatch):
    from django import forms

    from editorial.admin import ArticleForm

    client = Client()
    client.force_login(desk("editor"))
    url = reverse("admin:articles_article_change", args=[page[0].pk])
    data = _change_data(client, page[0])
    Article.objects.filter(pk=page[0].pk).update(version=2, title="别人刚保存的标题")
    # As if the other save landed between the form's check and this save: only the locked UPDATE can catch it.
    monkeypatch.setattr(ArticleForm, "clean", forms.ModelForm.clean)
    data["title"] = "我的标题"
    data["notes-0-text"] = "随这次保存一起提交的备注"

    response = client.post(url, data, follow=True)

    assert "你的修改未保存" in response.content.decode()
    stored = fresh(page[0])
    assert (stored.title, stored.version) == ("别人刚保存的标题", 2)
    assert not Note.objects.exists()  # the whole save was rolled back, inlines included


def test_a_reporter_sees_their_own_stories_first_in_any_state(desk, page):
    reporter = desk("reporter")
    other = Reporter.objects.create(name="王明", slug="wang-ming")
    Reporter.objects.filter(name="丁倩倩").update(user=reporter)
    Byline.objects.filter(article=page[2]).update(reporter=other)
    Article.objects.filter(pk=page[1].pk).update(status=S.PUBLISHED)
    client = Client()
    client.force_login(reporter)

    desk_home = client.get(reverse("editorial:home"))
    assert desk_home["Location"] == CHANGELIST  # no status filter: drafts, in review and published alike
    response = client.get(CHANGELIST)
    assert {a.pk for a in response.context["cl"].result_list} == {page[0].pk, page[1].pk}
    assert "我的稿件" in response.content.decode()
    everyone = client.get(CHANGELIST + "?mine=all")
    assert everyone.context["cl"].result_count == 3


def test_mine_is_off_by_default_for_reviewers(chief_client, desk, page):
    Reporter.objects.update(user=desk("chief", "chief-reporter"))  # a chief who also writes
    assert chief_client.get(CHANGELIST).context["cl"].result_count == 3


def test_linking_a_desk_account_to_a_reporter_is_one_action(chief_client, desk, page):
    account = desk("reporter", "ding")
    reporter = Reporter.objects.get(name="丁倩倩")
    reporters = reverse("admin:articles_reporter_changelist")
    chief_client.post(reporters, {"action": "link_account", "_selected_action": [reporter.pk], "account": account.pk, "index": 0})
    assert Reporter.objects.get(pk=reporter.pk).user == account
    second = Reporter.objects.create(name="王明", slug="wang-ming")
    response = chief_client.post(
        reporters, {"action": "link_account", "_selected_action": [second.pk], "account": account.pk, "index": 0}, follow=True,
    )
    assert "已关联" in response.content.decode() and Reporter.objects.get(pk=second.pk).user is None


def test_a_byline_changed_in_the_change_form_voids_the_levels_above(desk, page):
    editor = desk("editor")
    Article.objects.filter(pk=page[0].pk).update(status=S.APPROVED)
    signed(page[0])
    client = Client()
    client.force_login(editor)
    data = _change_data(client, fresh(page[0]))
    data["bylines-0-role"] = "通讯员"
    response = client.post(reverse("admin:articles_article_change", args=[page[0].pk]), data)
    assert response.status_code == 302
    assert fresh(page[0]).status == S.IN_REVIEW
    assert set(SignOff.objects.filter(article=page[0], voided_at=None).values_list("level", flat=True)) == {"first"}


def test_changelist_shows_the_level_each_article_waits_for_in_bounded_queries(chief_client):
    _articles(5, bylines=1, tags=1)
    few = _queries(chief_client, CHANGELIST)
    waiting = _articles(30, bylines=1, tags=1)
    signed(*waiting, levels=2)
    assert _queries(chief_client, CHANGELIST + "?all=") == few
    html = chief_client.get(CHANGELIST + "?all=").content.decode()
    assert "待初审" in html and "待终审" in html


def test_desk_records_on_the_change_page_offer_no_view_on_site_link(chief_client, desk, page):
    """A workflow step, note, sign-off or mark lives on the desk: the admin must not call its link "view on site"."""
    from django.contrib.contenttypes.models import ContentType

    from editorial.models import Transition

    article = page[0]
    editor = desk("editor")
    Transition.objects.create(article=article, user=editor, from_status=S.IMPORTED, to_status=S.IN_REVIEW)
    Note.objects.create(article=article, author=editor, text="备注")
    ProofMark.objects.create(article=article, start=0, end=1, passage="正", query="待核实", author=editor)
    html = chief_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "待核实" in html and "备注" in html
    for model in (Transition, Note, ProofMark):
        shortcut = reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(model).pk, 1])
        assert shortcut.removesuffix("1/") not in html, model


def test_merging_reporters_keeps_the_most_credited_and_lists_namesakes(chief_client, page):
    printed = Reporter.objects.get(name="丁倩倩")
    unnamed = Reporter.objects.create(name="丁倩倩", slug="ding-qianqian-2")
    reporters = reverse("admin:articles_reporter_changelist")
    listed = chief_client.get(reporters + "?namesakes=yes").content.decode()
    assert "ding-qianqian-2" in listed

    response = chief_client.post(
        reporters, {"action": "merge_into_most_credited", "_selected_action": [printed.pk, unnamed.pk], "index": 0}, follow=True,
    )

    assert "合并" in response.content.decode()
    assert list(Reporter.objects.filter(name="丁倩倩")) == [printed]
    assert printed.aliases.get().slug == "ding-qianqian-2"
