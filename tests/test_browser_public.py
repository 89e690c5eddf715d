"""A reader's visit in headless Chromium: home -> 往期 -> a printed page -> its hot zone -> article -> reporter -> search, with a screenshot."""

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
    from django.core.files.base import ContentFile

    from articles.models import Article
    from articles.services.importing import pages_import
    from tests.seedpages import SEED_DIR

    pages_import(paths=sorted(SEED_DIR.rglob("*.txt")), publish=True)
    article = Article.objects.published().filter(title__contains="电商", bylines__isnull=False).order_by("pk").first()
    source = article.source_page
    source.image.save("01.png", ContentFile(_png(400, 600)))
    Article.objects.filter(pk=article.pk).update(zone={"x": 0.1, "y": 0.1, "w": 0.5, "h": 0.3})
    page = browser_page

    # Home is the latest issue's front; 往期 leads to the calendar of its month.
    page.goto(live_server.url + "/")
    assert page.locator(".lead-story h2").is_visible()
    page.get_by_role("link", name="往期").first.click()
    page.wait_for_url("**/qingdao-ribao/2025-02/")

    # The article's page as printed: its picture with a link over the story.
    page.goto(live_server.url + source.get_absolute_url())
    label = f"第{source.number:02d}版 · {source.name}"
    assert page.locator("h1").inner_text() == label
    page.locator("svg.zones a").first.click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.locator("h1").inner_text() == article.title
    day = source.edition_date
    assert page.locator(".edition-line").inner_text() == (
        f"{source.issue.publication.name} · {day.year}年{day.month}月{day.day}日 · {label}"
    )
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


def _png(width: int, height: int) -> bytes:
    """A grey PNG of that size (the page picture the hot zones lie on)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xdd" * width for _ in range(height))  # filter byte, then grey pixels
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
