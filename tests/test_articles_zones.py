"""articles.services.zones: story zones (Article.zone) from the page PDF's text positions,
and the page picture rendered from the PDF when none lies beside the page's text."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from articles import signals
from articles.models import Article, SourcePage
from articles.services import zones
from articles.services.importing import pages_import
from articles.services.zones import PageText, article_spans, spans_zone
from tests.desk import desk  # noqa: F401  (fixture)
from tests.english import english

pytestmark = pytest.mark.django_db

FONT = "STSong-Light"  # reportlab's built-in CID font: no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
W, H = 600, 800  # points
FILE_NAME = "qingdao-ribao/2024-09-02/03-经济.txt"
PAGE = """# 青岛港前七月货物吞吐量创新高

本报讯 今年前七个月，青岛港完成货物吞吐量四亿吨，同比增长百分之五点六，集装箱吞吐量一千七百万标准箱，增速居沿海主要港口前列。

港口集团负责人介绍，新开通的航线覆盖东南亚和中东，自动化码头作业效率再创世界纪录。

# 崂山茶园迎来秋茶采摘季

本报讯 连日来，崂山区各茶园陆续开采秋茶，茶农们忙着采摘、炒制，空气里弥漫着茶香。

据介绍，今年秋茶品质上乘，预计产量比去年增加一成，价格保持稳定。
"""
PORT, TEA = "青岛港前七月货物吞吐量创新高", "崂山茶园迎来秋茶采摘季"
# Where each story is drawn: its left edge, its title's top, its column's characters per line.
LAYOUT = {PORT: (40, 90, 16), TEA: (330, 300, 14)}
TITLE_SIZE, BODY_SIZE, LEADING = 18, 10, 14


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def quiet(monkeypatch):
    monkeypatch.setattr(signals, "send_changed", lambda article_ids: None)


def stories() -> dict[str, list[str]]:
    """Each story's title and paragraphs, as printed (with its 本报讯)."""
    found, title = {}, None
    for block in PAGE.split("\n\n"):
        block = block.strip()
        if block.startswith("# "):
            title = block[2:]
            found[title] = []
        elif block:
            found[title].append(block)
    return found


def text_line(c, text: str, *, x: float, top: float, size: float) -> None:
    c.setFont(FONT, size)
    c.drawString(x, H - top - size, text)  # reportlab measures from the bottom, by the baseline


def draw_page(layout=LAYOUT) -> tuple[bytes, dict[str, dict]]:
    """A page PDF with the masthead, the two stories where layout says and an advert;
    returns it and each story's drawn box, in fractions of the page."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(W, H))
    text_line(c, "青岛日报　2024年9月2日　星期一　第3版 经济", x=40, top=30, size=12)
    drawn = {}
    for title, paragraphs in stories().items():
        x, top, per_line = layout[title]
        text_line(c, title, x=x, top=top, size=TITLE_SIZE)
        y = top + TITLE_SIZE + 16
        widest = len(title) * TITLE_SIZE
        for paragraph in paragraphs:
            text = "　　" + paragraph  # indented, as printed
            for start in range(0, len(text), per_line):  # broken wherever the column ends
                line = text[start:start + per_line]
                text_line(c, line, x=x, top=y, size=BODY_SIZE)
                widest = max(widest, pdfmetrics.stringWidth(line, FONT, BODY_SIZE))
                y += LEADING
        bottom = y - LEADING + BODY_SIZE
        drawn[title] = {"x": x / W, "y": top / H, "w": widest / W, "h": (bottom - top) / H}
    text_line(c, "广告　海尔智家　以旧换新", x=330, top=700, size=16)
    c.save()
    return out.getvalue(), drawn


def textless_pdf() -> bytes:
    """A scanned page: drawn, no text."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(W, H))
    c.rect(40, 100, 300, 400, fill=1)
    c.save()
    return out.getvalue()


def write_page(folder: Path, pdf: bytes | None = None) -> Path:
    path = folder / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE, encoding="utf-8")
    if pdf is not None:
        path.with_suffix(".pdf").write_bytes(pdf)
    return path


def import_page(path: Path) -> SourcePage:
    report = pages_import(paths=[path])
    assert [r.status for r in report.results][0] in ("created", "updated", "unchanged"), report.results
    return SourcePage.objects.get(file_name=FILE_NAME)


def zone_of(title: str) -> dict | None:
    return Article.objects.get(source_page__file_name=FILE_NAME, title=title).zone


def assert_near(zone: dict, drawn: dict, tolerance: float = 0.02) -> None:
    """Within 2% of the page on each edge (the font's ascent and descent, the zone's margin)."""
    edges = lambda b: (b["x"], b["y"], b["x"] + b["w"], b["y"] + b["h"])  # noqa: E731
    for found, expected in zip(edges(zone), edges(drawn)):
        assert abs(found - expected) <= tolerance, (zone, drawn)


# --- zones found --------------------------------------------------------------


def test_the_import_marks_each_storys_zone_where_the_pdf_prints_it(tmp_path):
    pdf, drawn = draw_page()
    source = import_page(write_page(tmp_path, pdf))

    for title in (PORT, TEA):
        assert_near(zone_of(title), drawn[title])
    assert source.parse_warnings == []
    # The masthead and the advert belong to no story: the two zones do not overlap.
    port, tea = zone_of(PORT), zone_of(TEA)
    assert port["x"] + port["w"] < tea["x"]


def test_zones_are_valid_fractions_of_the_page(tmp_path):
    pdf, _ = draw_page()
    import_page(write_page(tmp_path, pdf))

    for article in Article.objects.all():
        article.full_clean()  # the model's zone validator: a box of fractions, on the page
        assert set(article.zone) == {"x", "y", "w", "h"}


def test_an_editors_zone_is_kept_and_the_others_are_filled(tmp_path):
    path = write_page(tmp_path)  # no PDF yet
    import_page(path)
    drawn_by_editor = {"x": 0.5, "y": 0.5, "w": 0.25, "h": 0.25}
    Article.objects.filter(title=PORT).update(zone=drawn_by_editor)
    pdf, drawn = draw_page()
    path.with_suffix(".pdf").write_bytes(pdf)

    import_page(path)  # the same text: unchanged, but the PDF is new

    assert zone_of(PORT) == drawn_by_editor
    assert_near(zone_of(TEA), drawn[TEA])


MOVED = {PORT: (40, 400, 16), TEA: (330, 90, 14)}


def test_a_zone_found_before_follows_a_changed_pdf(tmp_path):
    pdf, _ = draw_page()
    path = write_page(tmp_path, pdf)
    import_page(path)
    assert Article.objects.get(title=PORT).zone_from_pdf
    moved, drawn = draw_page(MOVED)
    path.with_suffix(".pdf").write_bytes(moved)

    import_page(path)

    assert_near(zone_of(PORT), drawn[PORT])
    assert_near(zone_of(TEA), drawn[TEA])


def test_a_zone_an_editor_corrected_stays_when_the_pdf_changes(tmp_path, desk):
    from editorial import operations

    pdf, _ = draw_page()
    path = write_page(tmp_path, pdf)
    import_page(path)
    corrected = {"x": 0.05, "y": 0.1, "w": 0.3, "h": 0.3}
    operations.article_set_zone(article=Article.objects.get(title=PORT), user=desk("editor"), zone=corrected)
    moved, drawn = draw_page(MOVED)
    path.with_suffix(".pdf").write_bytes(moved)

    import_page(path)

    assert zone_of(PORT) == corrected and not Article.objects.get(title=PORT).zone_from_pdf
    assert_near(zone_of(TEA), drawn[TEA])  # the importer's own zone is redone


def test_a_zone_the_new_pdf_does_not_locate_is_cleared(tmp_path):
    pdf, _ = draw_page()
    path = write_page(tmp_path, pdf)
    import_page(path)
    path.with_suffix(".pdf").write_bytes(textless_pdf())

    import_page(path)

    assert zone_of(PORT) is None and zone_of(TEA) is None  # the old boxes point at another layout


def test_an_unchanged_pdf_keeps_the_zones_found(tmp_path):
    pdf, drawn = draw_page()
    path = write_page(tmp_path, pdf)
    import_page(path)
    Article.objects.filter(title=PORT).update(zone={"x": 0.5, "y": 0.5, "w": 0.1, "h": 0.1})

    import_page(path)  # the same PDF: nothing is read, nothing redone

    assert zone_of(PORT) == {"x": 0.5, "y": 0.5, "w": 0.1, "h": 0.1}


def test_pdf_line_breaks_and_spaces_do_not_matter():
    # "本报讯 " is the dateline (not in the body); the body is split by spaces and breaks.
    chars = "标题在此 本报讯 今年 前七个月，\n青岛港完成货物\n吞吐量四亿吨。 另一篇稿件"
    text = zones.normalise(chars)
    page = PageText(text=text, boxes=[(i, 0, i + 1, 1) for i in range(len(text))], width=100, height=1)

    spans = article_spans(page, title="标题在此", body="今年前七个月，青岛港完成货物吞吐量四亿吨。")

    assert spans == [(0, text.index("另"))]


def test_a_story_interrupted_by_another_is_located_by_its_anchors_only():
    # Column order: the story's start, 300 characters of another story, then its end.
    text = "标题在此" + "今年前七个月青岛港完成" + "别" * 300 + "货物吞吐量四亿吨同比增长"
    boxes = [(0, 0, 1, 1)] * 4 + [(0, 1, 10, 2)] * 11 + [(50, 50, 90, 90)] * 300 + [(0, 20, 5, 21)] * 12
    page = PageText(text=text, boxes=boxes, width=100, height=100)

    spans = article_spans(page, title="标题在此", body="今年前七个月青岛港完成货物吞吐量四亿吨同比增长")
    zone = spans_zone(page, spans)

    assert zone["x"] + zone["w"] < 0.2 and zone["y"] + zone["h"] < 0.25  # not the other story's box


def test_an_article_not_in_the_pdf_gets_no_zone_and_a_count(tmp_path):
    pdf, _ = draw_page()
    path = write_page(tmp_path, pdf)
    path.write_text(PAGE + "\n# 没有印出的稿件\n\n本报讯 这一篇稿件没有出现在版面PDF之中，找不到位置。\n", encoding="utf-8")

    source = import_page(path)

    assert Article.objects.get(title="没有印出的稿件").zone is None
    assert source.parse_warnings == [{"code": "zones_not_found", "params": {"count": 1}}]
    assert english(source.parse_warnings) == ["1 article not found in the page PDF; its zone is not marked"]


# --- failures: a warning on the page, never a failed import -------------------


def test_a_textless_pdf_gives_a_warning_and_no_zone(tmp_path):
    source = import_page(write_page(tmp_path, textless_pdf()))

    assert [a.zone for a in Article.objects.all()] == [None, None]
    assert source.parse_warnings == [{"code": "pdf_no_text", "params": {}}]
    assert english(source.parse_warnings) == ["the page PDF has no text (a scan?); story zones are not marked"]
    assert source.image.name.endswith(".png")  # a scan is still the page's picture


def test_a_broken_pdf_gives_a_warning_and_the_import_goes_on(tmp_path):
    report = pages_import(paths=[write_page(tmp_path, b"%PDF-1.4\nnot a pdf at all")])

    assert [r.status for r in report.results] == ["created"]
    source = SourcePage.objects.get(file_name=FILE_NAME)
    assert source.articles.count() == 2 and [a.zone for a in source.articles.all()] == [None, None]
    assert source.parse_warnings == [{"code": "pdf_unreadable", "params": {}}]
    assert not source.image


def test_the_warning_is_replaced_not_repeated_when_the_page_is_imported_again(tmp_path):
    path = write_page(tmp_path, textless_pdf())
    import_page(path)
    source = import_page(path)

    assert source.parse_warnings == [{"code": "pdf_no_text", "params": {}}]
    pdf, _ = draw_page()
    path.with_suffix(".pdf").write_bytes(pdf)
    assert import_page(path).parse_warnings == []  # found now: the warning goes


def test_a_page_whose_zones_are_all_set_does_not_read_its_pdf_again(tmp_path, monkeypatch):
    pdf, _ = draw_page()
    path = write_page(tmp_path, pdf)
    import_page(path)
    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: pytest.fail("the PDF was read again"))

    source = import_page(path)

    assert source.parse_warnings == []


# --- the page picture ---------------------------------------------------------


def test_the_pdf_is_rendered_as_the_page_picture_when_none_is_given(tmp_path):
    pdf, _ = draw_page()
    source = import_page(write_page(tmp_path, pdf))

    assert source.image.name == "pages/qingdao-ribao/2024-09-02/03-经济.png"
    with source.image.open("rb") as handle:
        picture = Image.open(handle)
        assert picture.format == "PNG"
        expected = (W * zones.RENDER_RESOLUTION / 72, H * zones.RENDER_RESOLUTION / 72)
        assert all(abs(px - e) <= 1 for px, e in zip(picture.size, expected))  # pdfium rounds up


def test_a_picture_beside_the_page_is_kept_not_rendered(tmp_path):
    pdf, _ = draw_page()
    path = write_page(tmp_path, pdf)
    jpeg = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(jpeg, format="JPEG")
    path.with_suffix(".jpg").write_bytes(jpeg.getvalue())

    source = import_page(path)

    assert source.image.name.endswith(".jpg") and source.image.read() == jpeg.getvalue()
    assert zone_of(TEA) is not None  # zones from the PDF all the same


def test_the_rendered_picture_follows_a_changed_pdf(tmp_path):
    path = write_page(tmp_path, textless_pdf())
    first = import_page(path).image.read()
    pdf, _ = draw_page()
    path.with_suffix(".pdf").write_bytes(pdf)

    source = import_page(path)

    assert source.image.name == "pages/qingdao-ribao/2024-09-02/03-经济.png"  # the old one replaced, not kept beside
    assert source.image.read() != first
