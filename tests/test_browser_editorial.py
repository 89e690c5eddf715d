"""The desk in a real browser (headless Debian chromium): an editor fixes an imported
article's byline beside the source page and approves it; a chief editor publishes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connections

from articles.models import Article
from tests.desk import desk, page  # noqa: F401  (fixtures)

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")



@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django would
    # otherwise refuse database access from it. Only for this test: a process
    # started later (manage.py check --deploy) must not inherit it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()
        # Queries made while Playwright's loop ran used a connection of their own
        # context; close it here, or PostgreSQL refuses to drop the test database.
        connections.close_all()


def _log_in(browser, live_server, username: str, next_path: str):
    tab = browser.new_context(locale="zh-CN").new_page()
    tab.goto(f"{live_server.url}/admin/login/?next={next_path}")
    tab.fill("#id_username", username)
    tab.fill("#id_password", "secret-" + username)
    tab.click("input[type=submit]")
    tab.wait_for_url(f"{live_server.url}{next_path}")
    return tab


def test_editor_fixes_the_byline_and_approves_then_the_chief_publishes(transactional_db, browser, live_server, desk, page):
    article = page[0]
    desk("editor", "wang", password="secret-wang")
    desk("chief", "li", password="secret-li")
    review = f"/desk/articles/{article.pk}/"

    editor = _log_in(browser, live_server, "wang", review)
    assert editor.locator("mark#span").inner_text().startswith("第一篇标题")
    editor.fill("textarea[name=people]", "记者 丁倩倩\n通讯员 王明")
    editor.click("text=更正署名")
    editor.wait_for_selector("text=已更正署名")
    editor.fill("input[aria-label=审核通过说明]", "已对照原版")
    editor.click("button[value=approve]")
    editor.wait_for_selector("text=已审核通过")
    assert editor.locator("#status").inner_text() == "已通过"
    assert editor.locator("button[value=publish]").count() == 0  # an editor cannot publish

    chief = _log_in(browser, live_server, "li", review)
    assert "已对照原版" in chief.locator("#log").inner_text()
    chief.click("button[value=publish]")
    chief.wait_for_selector("text=已发布。")

    stored = Article.objects.get(pk=article.pk)
    assert stored.status == Article.Status.PUBLISHED and stored.published_at is not None
    assert [(b.role, b.reporter.name) for b in stored.bylines.select_related("reporter")] == [("记者", "丁倩倩"), ("通讯员", "王明")]
