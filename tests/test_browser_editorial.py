"""The desk in a real browser (headless Debian chromium): an editor fixes an imported
article's byline beside the source page and signs 初审; a department head signs 复审,
and a chief editor signs 终审 and publishes it."""

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


def test_editor_fixes_the_byline_and_signs_then_the_higher_levels_sign_and_the_chief_publishes(
    transactional_db, browser, live_server, desk, page,
):
    article = page[0]
    desk("editor", "wang", password="secret-wang")
    desk("director", "zhou", password="secret-zhou")
    desk("chief", "li", password="secret-li")
    review = f"/desk/articles/{article.pk}/"

    editor = _log_in(browser, live_server, "wang", review)
    assert editor.locator("mark#span").inner_text().startswith("第一篇标题")
    editor.fill("textarea[name=people]", "记者 丁倩倩\n通讯员 王明")
    editor.click("text=更正署名")
    editor.wait_for_selector("text=已更正署名")
    editor.fill("input[aria-label=初审签字说明]", "已对照原版")
    editor.click("button[value=approve]")
    editor.wait_for_selector("text=已审核通过")
    assert editor.locator("#status").inner_text() == "审核中"  # 复审 and 终审 still to sign
    assert "初审：wang" in editor.locator("#signoffs").inner_text()
    assert editor.locator("button[value=publish]").count() == 0  # an editor cannot publish

    director = _log_in(browser, live_server, "zhou", review)
    director.click("button[value=approve]")
    director.wait_for_selector("text=已审核通过")

    chief = _log_in(browser, live_server, "li", review)
    assert "已对照原版" in chief.locator("#log").inner_text()
    assert chief.locator("button[value=publish]").count() == 0  # 终审 first
    chief.click("button[value=approve]")
    chief.wait_for_selector("text=已审核通过")
    assert chief.locator("#status").inner_text() == "已通过"
    chief.click("button[value=publish]")
    chief.wait_for_selector("text=已签发。")

    stored = Article.objects.get(pk=article.pk)
    assert stored.status == Article.Status.PUBLISHED and stored.published_at is not None
    assert [(b.role, b.reporter.name) for b in stored.bylines.select_related("reporter")] == [("记者", "丁倩倩"), ("通讯员", "王明")]
