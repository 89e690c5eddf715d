"""A reader's visit in headless Chromium: home -> article -> reporter -> search, with a screenshot."""

from __future__ import annotations

import pytest

from tests.browser import browser, requires_chromium  # noqa: F401  (fixture)

pytestmark = requires_chromium


@pytest.fixture
def browser_page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.errors = errors
    return page


def test_reader_journey(live_server, transactional_db, browser_page, tmp_path):
    from django.utils import timezone

    from articles.models import Article
    from articles.services.importing import pages_import
    from tests.seedpages import SEED_DIR

    pages_import(paths=sorted(SEED_DIR.rglob("*.txt")), publish=True)
    article = Article.objects.published().filter(title__contains="电商", bylines__isnull=False).order_by("pk").first()
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now())  # first on the home page
    article.refresh_from_db()  # published at its edition's time by the import; its URL date is now today's
    page = browser_page

    page.goto(live_server.url + "/")
    assert page.locator("h2", has_text="最新").is_visible()
    page.get_by_role("link", name=article.title).first.click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.locator("h1").inner_text() == article.title
    # The stylesheet loaded under the CSP: the body uses the Chinese font stack.
    assert "PingFang SC" in page.evaluate("getComputedStyle(document.body).fontFamily")
    shot = tmp_path / "article.png"
    page.screenshot(path=str(shot), full_page=True)

    reporter = article.bylines.first().reporter
    page.locator(".byline a", has_text=reporter.name).first.click()
    page.wait_for_url(f"**{reporter.get_absolute_url()}")
    assert page.locator("h1").inner_text() == reporter.name

    page.fill("input[name=q]", "跨境电商")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search/?q=*")
    marks = page.locator("mark")
    assert marks.count() > 0 and marks.first.inner_text() == "跨境电商"
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)

    assert not page.errors, page.errors  # no CSP violations or script errors
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
