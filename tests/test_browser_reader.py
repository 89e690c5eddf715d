"""The public site in headless Chromium on a phone (390 px) and a desktop (1280 px):
home -> issue -> printed page -> story -> 下一篇 -> back to the page, its hot
zone, search with a facet, the 简/繁 switch; no sideways scrolling on the
phone, and no serious or critical axe-core violation on the home, issue, 往期
calendar, printed page, story, search, section, reporter and entity pages, in
simplified characters and under /hant/."""

from __future__ import annotations

import re

import pytest

from tests.browser import browser, requires_chromium  # noqa: F401  (fixture)
from tests.test_browser_public import _png

pytestmark = requires_chromium

PHONE, DESKTOP = 390, 1280
WIDTHS = pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])


@pytest.fixture(scope="module")
def reader_site(django_db_setup, django_db_blocker):
    """The seed pages, published, with the gazetteer's entities found in their stories
    (entity pages) and a story filed under a section of `make run`'s fixture; the front
    issue's first story with a byline has a hot zone on its page's picture. Served by a
    live server of the module's own: (server, that story's pk).

    Built and committed once for the module, not for each of its eight tests (importing
    the seeds again cost each ~0.7 s of CPU): a reader's visit writes nothing, and what a
    test writes itself is rolled back (paper). The database is emptied after the last
    test, as after a transactional test: pytest-django's live_server makes every test
    that asks for it a transactional one, emptied after it, hence a server of our own."""
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import connections
    from pytest_django.live_server_helper import LiveServer

    from articles.models import Article, Section
    from articles.services.importing import pages_import
    from linking.services.refresh import articles_link
    from tests.seedpages import REPO_ROOT, SEED_DIR

    with django_db_blocker.unblock():
        try:
            pages_import(paths=sorted(SEED_DIR.rglob("*.txt")), publish=True)
            # The front issue: the home page leads to it.
            latest = Article.objects.published().filter(source_page__issue__isnull=False)
            latest = latest.order_by("-source_page__issue__edition_date", "pk")
            article = latest.filter(bylines__isnull=False).first()
            article.source_page.image.save("01.png", ContentFile(_png(400, 600)))
            Article.objects.filter(pk=article.pk).update(zone={"x": 0.1, "y": 0.1, "w": 0.5, "h": 0.3})
            for fixture in ("sections.json", "gazetteer.json"):
                call_command("loaddata", str(REPO_ROOT / "fixtures" / fixture), verbosity=0)
            articles_link(article_ids=list(Article.objects.values_list("pk", flat=True)))
            Article.objects.filter(pk=article.pk).update(section=Section.objects.first())
            server = LiveServer("localhost")
            server._live_server_modified_settings.enable()
            try:
                yield server, article.pk
            finally:
                server._live_server_modified_settings.disable()
                server.stop()
        finally:
            connections.close_all()
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def live(reader_site):
    return reader_site[0]


@pytest.fixture
def paper(reader_site, db):
    """The story with the hot zone. The test's transaction (db) is rolled back after it,
    so what it might write never reaches the next test; the server sees only what is committed."""
    from articles.models import Article

    return Article.objects.get(pk=reader_site[1])


def _open(browser, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="zh-CN")
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    return page


def _fits(page, width: int) -> None:
    """The page scrolls only downwards: nothing is wider than the window."""
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert inner == width
    assert scroll <= inner, f"{page.url}: {scroll}px wide in a {inner}px window"


@WIDTHS
def test_a_reader_turns_from_home_to_a_story_and_back_to_its_page(live, paper, browser, width):
    from articles.models import Article

    page = _open(browser, width)
    source = paper.source_page
    issue = source.issue

    page.goto(live.url + "/")
    _fits(page, width)
    page.locator(".edition-head h1 a").click()  # the newspaper's name: its latest issue
    page.wait_for_url(f"**{issue.get_absolute_url()}")
    assert page.locator("h1").inner_text().startswith(issue.publication.name)
    _fits(page, width)

    page.locator(f".issue-pages h2 a[href='{source.get_absolute_url()}']").click()
    page.wait_for_url(f"**{source.get_absolute_url()}")
    label = f"第{source.number:02d}版 · {source.name}"
    assert page.locator("h1").inner_text() == label
    assert page.locator(".page-scan img").is_visible()
    _fits(page, width)

    first = page.locator(".printed-stories a.headline").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/articles/\d{4}/\d\d/\d\d/\d+-"))
    assert page.locator("h1").inner_text() == title
    _fits(page, width)

    following = page.locator(".story-turn a[rel=next]")
    assert following.count() == 1, "the page's first story has a 下一篇"
    assert following.inner_text().startswith("下一篇：")
    next_title = following.inner_text().removeprefix("下一篇：")
    following.click()
    page.wait_for_url(re.compile(r"/articles/\d{4}/\d\d/\d\d/\d+-"))
    assert page.locator("h1").inner_text() == next_title
    story = Article.objects.get(pk=int(re.search(r"/(\d+)-[^/]*/$", page.url).group(1)))
    assert story.source_page_id == source.pk and story.display_title == next_title
    assert page.locator(".story-turn a[rel=prev]").inner_text() == f"上一篇：{title}"
    _fits(page, width)

    page.locator(".edition-line a", has_text=label).click()  # back to the page as printed
    page.wait_for_url(f"**{source.get_absolute_url()}")
    assert page.locator("h1").inner_text() == label

    # The hot zone over the 电商 story opens it.
    zones = page.locator("svg.zones a")
    assert zones.count() == 1
    zones.first.click()
    page.wait_for_url(f"**{paper.get_absolute_url()}")
    assert page.locator("h1").inner_text() == paper.display_title
    _fits(page, width)
    assert not page.errors, page.errors  # no CSP violations or script errors


def _found(page) -> int:
    """The count the results page shows: “青岛”共 12 篇."""
    return int(re.fullmatch(r"“.+”共 (\d+) 篇", page.locator("main p.meta").first.inner_text()).group(1))


@WIDTHS
def test_a_facet_narrows_the_search(live, paper, browser, width):
    from public.views import PER_PAGE

    page = _open(browser, width)
    page.goto(live.url + "/")
    page.fill("header input[name=q]", "青岛")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search/?q=*")
    _fits(page, width)
    total = _found(page)
    assert total > 1 and page.locator("ol.results > li.item").count() == min(total, PER_PAGE)

    # A value that holds some but not all of the results.
    values = page.locator(".facets li")
    choice = None
    for index in range(values.count()):
        count = int(values.nth(index).locator(".count").inner_text())
        if 0 < count < total:
            choice = values.nth(index)
            break
    assert choice is not None, "some facet value splits the results"
    link = choice.locator("a")
    name = link.inner_text()
    link.click()
    page.wait_for_load_state()
    page.wait_for_url(re.compile(r"/search/\?.*q=.*&"))
    assert _found(page) == count < total
    assert page.locator("ol.results > li.item").count() == min(count, PER_PAGE)
    assert page.locator(".facets a.selected[aria-current=true]", has_text=name).count() == 1
    _fits(page, width)
    assert not page.errors, page.errors


@WIDTHS
def test_the_script_switch_shows_traditional_characters_under_hant(live, paper, browser, width):
    from text.scripts import to_traditional

    page = _open(browser, width)
    page.goto(live.url + paper.get_absolute_url())
    switch = page.locator("a.script-switch")
    assert switch.inner_text() == "繁體"
    switch.click()
    page.wait_for_url(f"**/hant{paper.get_absolute_url()}")
    traditional = to_traditional(paper.display_title)
    assert traditional != paper.display_title  # the test proves a change of script
    assert page.locator("h1").inner_text() == traditional
    assert page.locator("a.script-switch").inner_text() == "簡體"  # the whole page is converted, its switch too
    _fits(page, width)

    # Every link to this site stays on the traditional one, but the switch back.
    hrefs = page.eval_on_selector_all("a[href^='/']", "links => links.map(a => a.getAttribute('href'))")
    back = page.locator("a.script-switch").get_attribute("href")
    assert back == paper.get_absolute_url()
    outside = [href for href in hrefs if not href.startswith("/hant/") and href != back]
    assert not outside, outside
    assert page.locator("form[role=search]").get_attribute("action") == "/hant/search/"

    page.locator(".edition-line a").last.click()  # the printed page, still traditional
    page.wait_for_url(f"**/hant{paper.source_page.get_absolute_url()}")
    label = f"第{paper.source_page.number:02d}版 · {paper.source_page.name}"
    assert page.locator("h1").inner_text() == to_traditional(label)
    _fits(page, width)
    page.fill("header input[name=q]", "電商")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/hant/search/?q=*")
    assert page.locator("ol.results > li.item").count() > 0
    _fits(page, width)
    assert not page.errors, page.errors


def _reader_urls(paper) -> dict[str, str]:
    """Every kind of page a reader reaches, in simplified characters."""
    from articles.models import Article, Section
    from linking.models import Mention

    source = paper.source_page
    day = source.issue.edition_date
    section = Section.objects.filter(articles__in=Article.objects.published()).first()
    mention = Mention.objects.filter(article__in=Article.objects.published()).select_related("entity").first()
    assert section is not None and mention is not None, "the seeds give a section and an entity page"
    return {
        "home": "/",
        "issue": source.issue.get_absolute_url(),
        "calendar": f"/{source.issue.publication.slug}/{day:%Y-%m}/",  # 往期
        "page": source.get_absolute_url(),
        "article": paper.get_absolute_url(),
        "search": "/search/?q=" + "电商",
        "section": section.get_absolute_url(),
        "reporter": paper.bylines.first().reporter.get_absolute_url(),
        "entity": mention.entity.get_absolute_url(),
    }


@WIDTHS
def test_no_serious_accessibility_violation(live, paper, browser, width):
    """Every kind of page, simplified and under /hant/: no serious or critical axe-core
    violation, and on the phone nothing wider than the window."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = _open(browser, width)
    urls = _reader_urls(paper)
    urls.update({f"hant {name}": f"/hant{url}" for name, url in list(urls.items())})
    found = {}
    for name, url in urls.items():
        response = page.goto(live.url + url)
        assert response.status == 200, f"{name}: {url} answers {response.status}"
        _fits(page, width)
        results = axe.run(page)
        assert results.response["passes"], f"axe-core ran on {name}"
        bad = [
            f"{violation['id']} ({violation['impact']}): "
            + "; ".join(str(node["target"]) for node in violation["nodes"][:5])
            for violation in results.response["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        if bad:
            found[name] = bad
    assert not found, found
