"""A whole day of the desk in a real browser (headless Debian chromium), in Chinese:

a page is imported; 初审 (编辑) fixes the byline the page got wrong and signs; 复审
(部门主任) sends it back with a note; the 记者, whose desk account is linked to the
byline's reporter, finds it in 我的稿件, fixes it and resubmits; 复审 and 终审 sign;
a word the chief adds to the list as 禁用 (from a word file) holds 签发 with a message
the chief reads; the chief lets it stand with a note and issues the story, whose public
page shows the corrected byline.

At every step the page's visible text is checked for the English the desk would
leak if a string missed its translation; a page that fails the check is photographed
first (into tmp_path), to show where the English is. (Photographing all ~20 steps,
failed or not, was a third of the test's time: ~10 s of ~32.)
"""

from __future__ import annotations

import re
from pathlib import Path

from django.contrib.auth import get_user_model

from articles.models import Article, Publication, Reporter
from articles.services.importing import pages_import
from screening.models import SensitiveWord
from tests.browser import browser, requires_chromium  # noqa: F401  (fixture)
from tests.desk import desk  # noqa: F401  (fixture)

pytestmark = requires_chromium

# The printed page as it came in: its bylines lost a character of 丁倩倩. The day follows the second story.
PAGE = (
    "# 港口吞吐量创新高\n\n□本报记者 丁倩\n\n"
    "本报12月1日讯 前十一个月，青岛港货物吞吐量同比增长百分之五。\n\n"
    "港口方面表示，集装箱航线继续加密。\n\n"
    "# 渔业合作社打击网络赌博\n\n□本报记者 丁倩\n\n"
    "本报12月1日讯 沿海渔业合作社开展专项整治，打击网络赌博。\n\n"
    "合作社负责人说，整治将持续到年底。\n"
)
SENT_BACK_NOTE = "第二段缺少数据来源，请补上"
FIXED_PARAGRAPH = "合作社负责人说，整治将持续到年底，数据来自市海洋发展局。"

# English the desk would show if a string escaped translation: its likely leaks by name, and
# any other Latin word but the few that must stay (usernames, the page's file name, UTF-8, feed names,
# and the [N] of a GB/T 7714 citation: a newspaper).
LEAKS = re.compile(
    r"\b(Filter|Select|Save|Delete|History|Reason|Review|Submit|Approve|Publish|Draft|Warning|Error|"
    r"Sign|Signed|Send|Sent|Back|Status|Level|Note|Byline|Banned|Override|Done|Mark|Body|Workflow|"
    r"Edit|Change|Add|Search|Home|Log|Revision|Stories|Article|Page|Words?)\b",
    re.IGNORECASE,
)
LATIN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
USERNAMES = ["wang", "zhou", "li", "ding"]
PAGE_FILE = "qingdao-ribao/2026-12-01/03-经济.txt"
MAY_STAY = {*USERNAMES, "qingdao-ribao", "txt", "utf", "rss", "atom", "pdf", "n"}  # compared in lower case


def _without_english(tab, shots: Path, step: str) -> str:
    """The page's visible text, after checking it for English; a page that fails is
    photographed first, as shots/<step>.png."""
    text = tab.inner_text("body")
    leaks = sorted({m.group(0) for m in LEAKS.finditer(text)})
    latin = sorted({w for w in LATIN_WORD.findall(text) if w.lower() not in MAY_STAY})
    if leaks or latin:
        tab.screenshot(path=str(shots / f"{step}.png"), full_page=True)
    assert not leaks, f"{step}: English on the page: {leaks}\n{text}"
    assert not latin, f"{step}: Latin words on the page: {latin}\n{text}"
    return text


def _log_in(browser, live_server, username: str, next_path: str, lands_on: re.Pattern | None = None):
    """A new browser of the user's, logged in at next_path (or wherever it sends them: lands_on, a pattern)."""
    tab = browser.new_context(locale="zh-CN").new_page()
    tab.goto(f"{live_server.url}/admin/login/?next={next_path}")
    tab.fill("#id_username", username)
    tab.fill("#id_password", "secret-" + username)
    tab.click("input[type=submit]")
    tab.wait_for_url(lands_on or f"{live_server.url}{next_path}")
    tab.wait_for_selector("#content")
    return tab


def _move(tab, move: str, note: str = "", *, done: str) -> None:
    """Press a workflow button (with an optional note) and wait for the desk's answer."""
    form = tab.locator(f"#workflow form:has(button[value={move}])")
    if note:
        form.locator("input[name=note]").fill(note)
    form.locator(f"button[value={move}]").click()
    tab.wait_for_selector(f".messagelist >> text={done}")


def _import(tmp_path: Path) -> Article:
    path = tmp_path / "pages" / PAGE_FILE
    path.parent.mkdir(parents=True)
    path.write_text(PAGE, encoding="utf-8")
    report = pages_import(paths=[path])
    assert not report.refused
    return Article.objects.get(title="渔业合作社打击网络赌博")


def test_a_day_on_the_desk_from_import_to_the_public_page(transactional_db, browser, live_server, desk, settings, tmp_path):
    settings.LANGUAGE_CODE = "zh-hans"
    shots = tmp_path / "shots"
    shots.mkdir()
    for role, name in zip(["editor", "director", "chief", "reporter"], USERNAMES, strict=True):
        desk(role, name, password="secret-" + name)
    # The paper has been running: its name is known, not only its folder's slug.
    Publication.objects.create(name="青岛日报", slug="qingdao-ribao")
    # The reporter whose account is ding: the byline the page should have carried.
    Reporter.objects.create(name="丁倩倩", outlet="青岛日报", slug="ding-qianqian", user=get_user_model().objects.get(username="ding"))

    # The morning's page comes in.
    article = _import(tmp_path)
    assert article.status == Article.Status.IMPORTED
    review = f"/desk/articles/{article.pk}/"

    # 初审: the desk's front door lists what came in, the story's admin page leads to the review
    # page; the editor reads the story beside the printed page, fixes the byline and signs.
    editor = _log_in(browser, live_server, "wang", "/desk/", lands_on=re.compile(r"/admin/articles/article/\?status__exact=imported$"))
    editor.wait_for_selector("#result_list")
    _without_english(editor, shots, "imported")
    editor.click("#result_list a:text-is('渔业合作社打击网络赌博')")
    editor.wait_for_selector("text=对照原版审核")
    _without_english(editor, shots, "admin-page")
    editor.click("text=对照原版审核")
    editor.wait_for_url(f"{live_server.url}{review}")
    editor.wait_for_selector("mark#span")
    _without_english(editor, shots, "first-review")
    assert "渔业合作社打击网络赌博" in editor.locator("mark#span").inner_text()
    assert editor.locator("textarea[name=people]").input_value() == "记者 丁倩"
    editor.fill("textarea[name=people]", "记者 丁倩倩")
    editor.click("#bylines button[type=submit]")
    editor.wait_for_selector(".messagelist >> text=已更正署名")
    _without_english(editor, shots, "byline-fixed")
    _move(editor, "approve", "署名已对照原版更正", done="已审核通过。")
    _without_english(editor, shots, "first-signed")
    assert editor.locator("#status").inner_text() == "审核中"
    assert "初审：wang" in editor.locator("#signoffs").inner_text()

    # 复审: the department head sends it back to the reporter with a note.
    director = _log_in(browser, live_server, "zhou", review)
    _without_english(director, shots, "second-review")
    _move(director, "send_back", SENT_BACK_NOTE, done="已退回修改。")
    _without_english(director, shots, "sent-back")
    assert director.locator("#status").inner_text() == "草稿"
    assert SENT_BACK_NOTE in director.locator("#log").inner_text()

    # The reporter: 我的稿件 lists the story sent back; they fix the paragraph and resubmit.
    reporter = _log_in(browser, live_server, "ding", "/desk/", lands_on=re.compile(r"/admin/articles/article/(\?.*)?$"))
    reporter.wait_for_selector("#result_list")
    text = _without_english(reporter, shots, "my-stories")
    assert reporter.locator("#changelist-filter li.selected a:text-is('我的稿件')").count() == 1  # the default for them
    assert "渔业合作社打击网络赌博" in reporter.locator("#result_list").inner_text()
    assert "港口吞吐量创新高" not in text  # its byline 丁倩 is nobody's account
    reporter.goto(f"{live_server.url}{review}")
    reporter.wait_for_selector("#log")
    _without_english(reporter, shots, "reporter-reads-the-note")
    assert SENT_BACK_NOTE in reporter.locator("#log").inner_text()
    reporter.click(f"a[href='/admin/articles/article/{article.pk}/change/']")
    reporter.wait_for_selector("#id_body")
    _without_english(reporter, shots, "reporter-edits")
    body = reporter.locator("#id_body").input_value()
    reporter.fill("#id_body", body.replace("合作社负责人说，整治将持续到年底。", FIXED_PARAGRAPH))
    reporter.click("input[name=_continue]")
    reporter.wait_for_selector(".messagelist .success")
    _without_english(reporter, shots, "reporter-saved")
    reporter.goto(f"{live_server.url}{review}")
    reporter.wait_for_selector("#workflow")
    _move(reporter, "submit", "已补充数据来源", done="已提交审核。")
    _without_english(reporter, shots, "resubmitted")
    assert reporter.locator("#status").inner_text() == "审核中"

    # 复审 signs what was sent back, then 终审.
    director.goto(f"{live_server.url}{review}")
    director.wait_for_selector("#workflow")
    assert FIXED_PARAGRAPH in director.locator("#body").inner_text()
    _move(director, "approve", done="已审核通过。")
    _without_english(director, shots, "second-signed")
    chief = _log_in(browser, live_server, "li", review)
    _move(chief, "approve", done="已审核通过。")
    _without_english(chief, shots, "final-signed")
    assert chief.locator("#status").inner_text() == "已通过"
    signoffs = chief.locator("#signoffs li").all_inner_texts()
    assert [row.split(" ")[0] for row in signoffs] == ["初审：wang", "复审：zhou", "终审：li"]

    # The chief adds 赌博 to the word list as 禁用, from a file: 签发 is held, and the chief reads why.
    words = tmp_path / "禁用词.txt"
    words.write_text("# 本周新增\n赌博,违法,禁用\n", encoding="utf-8")
    chief.goto(f"{live_server.url}/admin/screening/sensitiveword/")
    chief.wait_for_selector("#changelist")
    _without_english(chief, shots, "word-list")
    chief.click(".object-tools a[href$='/import/']")
    chief.wait_for_selector("input[type=file][name=file]")
    _without_english(chief, shots, "word-file")
    chief.set_input_files("input[name=file]", str(words))
    chief.click("form[enctype='multipart/form-data'] button[type=submit]")
    chief.wait_for_selector(".messagelist >> text=已导入：新增 1 个，更新 0 个。")
    _without_english(chief, shots, "word-imported")
    assert "赌博" in chief.locator("#result_list").inner_text()
    assert SensitiveWord.objects.get(word="赌博").severity == SensitiveWord.Severity.BANNED
    chief.goto(f"{live_server.url}{review}")
    chief.wait_for_selector("#screening")
    assert "赌博" in chief.locator("#screening .errornote").inner_text()
    chief.locator("button[value=publish]").click()
    chief.wait_for_selector(".messagelist .error >> text=才能签发")
    _without_english(chief, shots, "publishing-held")
    assert "赌博" in chief.locator(".messagelist .error").inner_text()
    assert Article.objects.get(pk=article.pk).status == Article.Status.APPROVED

    # The history shows every revision of the day.
    chief.click("text=修改历史")
    chief.wait_for_url(f"{live_server.url}/desk/articles/{article.pk}/history/")
    chief.wait_for_selector("#content")
    _without_english(chief, shots, "history")
    chief.go_back()
    chief.wait_for_selector("#screening textarea[name=note]")

    # The chief lets the word stand (the story reports the crackdown) and issues the story.
    chief.fill("#screening textarea[name=note]", "报道打击赌博的整治行动，可以保留")
    chief.click("#screening button[type=submit]")
    chief.wait_for_selector(".messagelist .success")
    _without_english(chief, shots, "override")
    assert "报道打击赌博的整治行动，可以保留" in chief.locator("#screening").inner_text()
    _move(chief, "publish", done="已签发。")
    _without_english(chief, shots, "published")

    stored = Article.objects.get(pk=article.pk)
    assert stored.status == Article.Status.PUBLISHED
    assert [(b.role, b.reporter.name) for b in stored.bylines.select_related("reporter")] == [("记者", "丁倩倩")]

    # Readers see the corrected byline and the fixed paragraph.
    public = browser.new_context(locale="zh-CN").new_page()
    public.goto(f"{live_server.url}{stored.get_absolute_url()}")
    public.wait_for_selector("h1")
    text = _without_english(public, shots, "public-page")
    assert "记者 丁倩倩" in text and FIXED_PARAGRAPH in text
