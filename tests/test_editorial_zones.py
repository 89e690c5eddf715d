"""Hot zones on the desk (issue #9): editorial.operations.article_set_zone, its view, and the page image on the review page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, SourcePage
from editorial.errors import InvalidOperation, NotAllowed
from editorial.models import SignOff
from editorial.operations import article_set_zone
from tests.browser import browser, requires_chromium  # noqa: F401  (fixture)
from tests.desk import desk, fresh, page, signed  # noqa: F401  (fixtures)

S = Article.Status
BOX = {"x": 0.1, "y": 0.2, "w": 0.5, "h": 0.3}


def _with_image(article: Article) -> None:
    SourcePage.objects.filter(pk=article.source_page_id).update(image="scans/100_desk.png")


@pytest.fixture
def editor_client(desk) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(desk("editor"))
    return client


def _post(client: Client, pk: int, data: dict):
    """Post as the zone form does: with the CSRF token from a GET of the review page."""
    client.get(reverse("editorial:review", args=[pk]))
    return client.post(reverse("editorial:zone", args=[pk]), {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def test_the_service_sets_and_clears_the_zone_with_a_revision(desk, page):
    editor = desk("editor")
    article_set_zone(article=fresh(page[0]), user=editor, zone=BOX)
    stored = fresh(page[0])
    assert stored.zone == BOX and stored.version == 2
    assert Version.objects.get_for_object(stored).count() == 2  # the baseline, then the change
    article_set_zone(article=stored, user=editor, zone=None)
    assert fresh(page[0]).zone is None and fresh(page[0]).version == 3


@pytest.mark.parametrize("zone", [
    {"x": 0.8, "y": 0.1, "w": 0.5, "h": 0.2},  # runs off the right edge
    {"x": 0.1, "y": 0.9, "w": 0.2, "h": 0.2},  # and off the bottom
    {"x": -0.1, "y": 0.1, "w": 0.2, "h": 0.2},
    {"x": 0.1, "y": 0.1, "w": 0, "h": 0.2},  # no width: a click, not a box
    {"x": 0.1, "y": 0.1, "w": 0.2},
])
def test_the_service_refuses_a_box_off_the_page(zone, desk, page):
    with pytest.raises(InvalidOperation) as refused:
        article_set_zone(article=fresh(page[0]), user=desk("editor"), zone=zone)
    assert refused.value.message  # read by the editor, in Chinese
    assert fresh(page[0]).zone is None and fresh(page[0]).version == 1


def test_the_service_refuses_a_user_who_may_not_edit(desk, page):
    with pytest.raises(NotAllowed):
        article_set_zone(article=fresh(page[0]), user=desk("reporter"), zone=BOX)  # not their story
    assert fresh(page[0]).zone is None


def test_a_zone_keeps_sign_offs_and_is_announced_on_a_public_story(desk, page, announcements):
    Article.objects.filter(pk=page[0].pk).update(status=S.APPROVED)
    signed(page[0])
    with announcements() as sent:
        article_set_zone(article=fresh(page[0]), user=desk("editor"), zone=BOX)
    assert fresh(page[0]).status == S.APPROVED and not SignOff.objects.filter(voided_at__isnull=False).exists()
    assert sent == [[page[0].pk]]

    Article.objects.filter(pk=page[1].pk).update(status=S.PUBLISHED, published_at=timezone.now())
    with announcements() as sent:  # the public page's cache refreshes on it
        article_set_zone(article=fresh(page[1]), user=desk("chief"), zone=BOX)
    assert fresh(page[1]).zone == BOX and fresh(page[1]).status == S.PUBLISHED
    assert sent == [[page[1].pk]]


def test_the_view_saves_the_drawn_box_and_clears_it(editor_client, page):
    _with_image(page[0])
    response = _post(editor_client, page[0].pk, {"version": 1, "x": "0.1", "y": "0.2", "w": "0.50004", "h": "0.3"})
    assert response.status_code == 302 and response["Location"].endswith("#zone")
    assert fresh(page[0]).zone == {"x": 0.1, "y": 0.2, "w": 0.5, "h": 0.3}  # 4 decimals
    assert "版面位置已保存" in editor_client.get(response["Location"]).content.decode()
    _post(editor_client, page[0].pk, {"version": 2, "x": "0.1", "y": "0.2", "w": "0.5", "h": "0.3", "clear": "on"})
    assert fresh(page[0]).zone is None


def test_the_view_refuses_a_stale_version_and_a_box_off_the_page(editor_client, page):
    _with_image(page[0])
    _post(editor_client, page[0].pk, {"version": 1, **BOX})
    response = _post(editor_client, page[0].pk, {"version": 1, "x": 0, "y": 0, "w": 0.2, "h": 0.2})  # the page as first loaded
    assert "你的修改未保存" in editor_client.get(response["Location"]).content.decode()
    assert fresh(page[0]).zone == BOX and fresh(page[0]).version == 2
    response = _post(editor_client, page[0].pk, {"version": 2, "x": 0.9, "y": 0, "w": 0.2, "h": 0.2})
    assert fresh(page[0]).zone == BOX
    assert "超出" in editor_client.get(response["Location"]).content.decode()
    response = _post(editor_client, page[0].pk, {"version": 2})  # nothing drawn
    assert "请先在版面图上框出位置" in editor_client.get(response["Location"]).content.decode()
    assert fresh(page[0]).version == 2


def test_the_review_page_shows_the_image_with_the_zones_and_the_form_only_when_it_may(desk, editor_client, page):
    url = reverse("editorial:review", args=[page[0].pk])
    html = editor_client.get(url).content.decode()
    assert 'id="zone"' not in html and 'id="zone-form"' not in html  # no image: nothing to draw on

    _with_image(page[0])
    Article.objects.filter(pk=page[0].pk).update(zone=BOX)
    Article.objects.filter(pk=page[1].pk).update(zone={"x": 0, "y": 0.6, "w": 1, "h": 0.4})
    html = editor_client.get(url).content.decode()
    assert "/media/scans/100_desk.png" in html and "editorial/zones.js" in html
    assert '<rect id="zone-box" class="zone-this" x="0.1000" y="0.2000" width="0.5000" height="0.3000">' in html
    assert 'class="zone-other" x="0.0000" y="0.6000" width="1.0000" height="0.4000"' in html
    assert 'id="zone-form"' in html and "保存版面位置" in html and "清除" in html
    assert "style=" not in html.split('id="zone"', 1)[1].split("</figure>", 1)[0]  # the CSP allows no inline styles

    Article.objects.filter(pk=page[0].pk).update(status=S.PUBLISHED, published_at=timezone.now())
    html = editor_client.get(url).content.decode()  # an editor may not edit a public story
    assert 'id="zone"' in html and 'id="zone-form"' not in html


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_image_and_its_zones_cost_the_review_page_no_query(editor_client, page):
    url = reverse("editorial:review", args=[page[0].pk])
    bare = _count(editor_client, url)
    _with_image(page[0])
    for i, article in enumerate(page):
        Article.objects.filter(pk=article.pk).update(zone={"x": 0, "y": i / 4, "w": 1, "h": 0.25})
    more = SourcePage.objects.get(pk=page[0].source_page_id)
    for position in range(4, 10):
        Article.objects.create(source_page=more, position=position, span_start=0, span_end=1, body="又",
                               status=S.IMPORTED, zone={"x": 0, "y": 0.9, "w": 0.1, "h": 0.1})
    html = editor_client.get(url).content.decode()
    assert html.count('class="zone-other"') == 8
    assert _count(editor_client, url) == bare


def _png(width: int, height: int) -> bytes:
    """A plain grey PNG of that size: the page picture for the browser."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xd0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@requires_chromium
def test_an_editor_drags_a_box_on_the_page_image_and_it_is_stored(transactional_db, browser, live_server, desk, page):
    _with_image(page[0])
    Article.objects.filter(pk=page[1].pk).update(zone={"x": 0, "y": 0.6, "w": 1, "h": 0.4})
    desk("editor", "wang", password="secret-wang")
    review = f"/desk/articles/{page[0].pk}/"
    tab = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}).new_page()
    errors: list[str] = []
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    # The live server does not serve media files: the browser gets the page picture here.
    tab.route("**/media/scans/**", lambda route: route.fulfill(body=_png(300, 420), content_type="image/png"))
    tab.goto(f"{live_server.url}/admin/login/?next={review}")
    tab.fill("#id_username", "wang")
    tab.fill("#id_password", "secret-wang")
    tab.click("input[type=submit]")
    tab.wait_for_url(f"{live_server.url}{review}")
    tab.wait_for_function("document.querySelector('#zone img').naturalWidth > 0")

    svg = tab.locator("svg.zones")
    svg.scroll_into_view_if_needed()
    area = svg.bounding_box()
    assert area["width"] > 200 and abs(area["height"] / area["width"] - 1.4) < 0.02  # the picture's shape
    tab.mouse.move(area["x"] + 0.2 * area["width"], area["y"] + 0.1 * area["height"])
    tab.mouse.down()
    tab.mouse.move(area["x"] + 0.5 * area["width"], area["y"] + 0.3 * area["height"], steps=5)
    tab.mouse.move(area["x"] + 0.7 * area["width"], area["y"] + 0.5 * area["height"], steps=5)
    tab.mouse.up()
    assert tab.locator("#zone-box").get_attribute("hidden") is None
    assert float(tab.input_value("#zone-form input[name=w]")) == pytest.approx(0.5, abs=0.01)
    tab.click("text=保存版面位置")
    tab.wait_for_selector("text=版面位置已保存")

    zone = fresh(page[0]).zone
    assert zone == pytest.approx({"x": 0.2, "y": 0.1, "w": 0.5, "h": 0.4}, abs=0.01)
    assert all(round(value, 4) == value for value in zone.values())
    assert fresh(page[1]).zone == {"x": 0, "y": 0.6, "w": 1, "h": 0.4}
    assert tab.locator("rect.zone-other").count() == 1
    assert float(tab.locator("#zone-box").get_attribute("width")) == pytest.approx(0.5, abs=0.01)  # drawn from the store

    tab.click("text=清除")
    tab.wait_for_selector("text=版面位置已清除")
    assert fresh(page[0]).zone is None
    assert not errors  # no script or style refused by the CSP, no script error
