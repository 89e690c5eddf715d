"""The desk in a real browser (headless Debian chromium): an editor fixes an imported
article's byline beside the source page and approves it; a chief editor publishes it."""

from __future__ import annotations


from articles.models import Article
from tests.browser import browser, requires_chromium  # noqa: F401  (fixture)
from tests.desk import desk, page  # noqa: F401  (fixtures)

pytestmark = requires_chromium


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
