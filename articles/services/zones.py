"""Story zones from the page PDF: where on the printed page each article is.

The e-paper links each story's zone on the page picture (Article.zone, a box
{x, y, w, h} in fractions of the page). An editor may draw one; this fills
those not drawn, from the text positions of the page PDF (NN.pdf beside NN.txt):

* the PDF's characters are read with their boxes (pdfplumber, MIT, pure Python
  on pdfminer.six; not PyMuPDF, which is AGPL);
* both sides are normalised the same way (whitespace removed, NFKC, case
  folded), so PDF line breaks, spaces between CJK characters and full-width
  forms do not matter, and each normalised character keeps the box it came from;
* an article is found by its body's first and last characters (and its
  title, subtitle and kicker just before them), as character offsets in the
  concatenated page text; its zone is the union of the boxes of the
  characters matched (the whole run from the heading to the body's end when
  the run is about as long as the article, the anchors only when other
  stories are printed in between).

A page with a PDF and no picture gets page 1 rendered as its picture (PNG), so
the e-paper can show the zones. A PDF with no text (a scan) or one that
cannot be read gives a warning on the page; neither ever fails the import.
A zone found in the PDF (Article.zone_from_pdf) is found again when the PDF's
bytes change, and cleared when the new PDF no longer locates the story; a zone
an editor drew or corrected is never changed.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from dataclasses import dataclass
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q

from articles.models import Article, SourcePage
from articles.parsing.warnings import WarningDict, warning
from articles.services import scans
from text.bodytext import text_to_blocks

logger = logging.getLogger(__name__)

# The codes this module puts in SourcePage.parse_warnings (replaced on each run).
CODES = frozenset({"pdf_no_text", "pdf_unreadable", "zones_not_found"})

# The page picture rendered from a PDF: 110 dpi makes a broadsheet page
# (about 990 x 1420 pt) some 1500 x 2170 px, sharp enough to read a headline.
RENDER_RESOLUTION = 110
ANCHORS = (12, 8, 6)  # characters of a body's start and end looked for on the page, longest first
MIN_ANCHOR = 4  # shorter, an anchor is found anywhere: not located
HEADING_WINDOW = 200  # the title is looked for this far (characters) before the body
SPAN_SLACK = 1.3  # a run up to 1.3 x the article's length (+ headings) is the article alone
PAD = 0.004  # a zone's margin around its characters, in fractions of the page


@dataclass
class PageText:
    """A PDF page's characters, normalised, each with the box it was printed in."""

    text: str
    boxes: list[tuple[float, float, float, float]]  # (x0, top, x1, bottom) per character of text
    width: float
    height: float


def normalise(text: str) -> str:
    return "".join(_norm_char(ch) for ch in text)


def _norm_char(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", ch).casefold() if not c.isspace())


def page_text(page) -> PageText:
    """A pdfplumber page's characters as PageText (coordinates from the page's top left)."""
    x_origin, y_origin = page.bbox[0], page.bbox[1]
    text, boxes = [], []
    for char in page.chars:
        norm = _norm_char(char.get("text") or "")
        box = (char["x0"] - x_origin, char["top"] - y_origin, char["x1"] - x_origin, char["bottom"] - y_origin)
        for c in norm:
            text.append(c)
            boxes.append(box)
    return PageText(text="".join(text), boxes=boxes, width=float(page.width), height=float(page.height))


def _occurrences(text: str, needle: str, start: int = 0, end: int | None = None) -> list[int]:
    found, end = [], len(text) if end is None else end
    i = text.find(needle, start, end)
    while i != -1:
        found.append(i)
        i = text.find(needle, i + 1, end)
    return found


def article_spans(page: PageText, *, title: str, kicker: str = "", subtitle: str = "", body: str = "") -> list[tuple[int, int]]:
    """Where the article's characters are in page.text: [start, end) runs; [] when not located."""
    blocks = [normalise(b.text) for b in text_to_blocks(body)]
    blocks = [b for b in blocks if b]
    text = page.text
    headings = [h for h in (normalise(kicker), normalise(title), normalise(subtitle)) if len(h) >= 2]
    if not blocks:  # photo news or a title alone: its heading, if found once only
        spans = []
        for heading in headings:
            found = _occurrences(text, heading)
            if len(found) == 1:
                spans.append((found[0], found[0] + len(heading)))
        return spans
    length = sum(len(b) for b in blocks)
    for size in ANCHORS:  # shorter anchors when a column or a picture breaks the first one
        first, last = blocks[0][:size], blocks[-1][-size:]
        if len(first) < MIN_ANCHOR or len(last) < MIN_ANCHOR:
            return []
        if found := _body_run(text, first, last, length):
            start, end = found
            break
    else:
        return []
    head_start = start
    head_spans = []
    for heading in headings:  # the last one printed before the body, close to it
        found = _occurrences(text, heading, max(0, start - HEADING_WINDOW - len(heading)), start)
        if found:
            head_spans.append((found[-1], found[-1] + len(heading)))
            head_start = min(head_start, found[-1])
    expected = length + sum(len(h) for h in headings)
    if end - head_start <= expected * SPAN_SLACK + 20:
        return [(head_start, end)]  # one run: the article alone
    # Other text printed between its start and its end: only what was matched.
    return [*head_spans, (start, start + len(first)), (end - len(last), end)]


def _body_run(text: str, first: str, last: str, length: int) -> tuple[int, int] | None:
    """The [start, end) from an occurrence of first to one of last nearest the body's length."""
    best = None  # (distance from the article's length, start, end)
    for start in _occurrences(text, first):
        ends = [e for e in _occurrences(text, last, start) if e + len(last) >= start + min(length, len(first))]
        if not ends:
            continue
        end = min(ends, key=lambda e: abs(e + len(last) - start - length)) + len(last)
        candidate = (abs(end - start - length), start, end)
        best = min(best, candidate) if best else candidate
    return best[1:] if best else None


def spans_zone(page: PageText, spans: list[tuple[int, int]]) -> dict | None:
    """The union of the boxes of the characters in spans, as an Article.zone (fractions, clamped)."""
    boxes = [page.boxes[i] for start, end in spans for i in range(start, end)]
    if not boxes or page.width <= 0 or page.height <= 0:
        return None
    x0 = max(0.0, min(b[0] for b in boxes) / page.width - PAD)
    y0 = max(0.0, min(b[1] for b in boxes) / page.height - PAD)
    x1 = min(1.0, max(b[2] for b in boxes) / page.width + PAD)
    y1 = min(1.0, max(b[3] for b in boxes) / page.height + PAD)
    if x1 <= x0 or y1 <= y0:
        return None
    x, y = round(x0, 4), round(y0, 4)
    # Rounded down, so x + w never passes 1 (the model refuses a zone off the page).
    w, h = int((x1 - x) * 10_000) / 10_000, int((y1 - y) * 10_000) / 10_000
    return {"x": x, "y": y, "w": w, "h": h}


def page_zones_fill(*, source: SourcePage, path: Path | None = None, changed: Iterable[str] = ()) -> list[WarningDict]:
    """Fill the empty zones of the page's articles from its PDF; render its picture if it has none.

    path is the page's text file and changed the scans page_scans_attach just
    stored: when the PDF changed, the zones found in the old one are found
    again (an editor's stay), and a picture rendered from the PDF is rendered
    again unless a picture lies beside the text. Returns the warnings put on
    the page (stored in parse_warnings, replacing this module's earlier ones).
    Never raises for a bad PDF.
    """
    if not source.pdf:
        return []
    redo = "pdf" in changed
    articles = [a for a in source.articles.order_by("position", "pk") if not a.zone or (redo and a.zone_from_pdf)]
    rendered_stale = "pdf" in changed and path is not None and "image" not in scans.page_scan_files(path)
    needs_image = not source.image or rendered_stale
    if not articles and not needs_image:
        return _store(source, [], image=None)  # nothing to do: the PDF is not read again
    warnings: list[WarningDict] = []
    zones: dict[int, dict | None] = {}  # None: a zone of the old PDF the new one does not locate
    image = None
    try:
        import pdfplumber  # imported here: only an import with a PDF pays for it

        with source.pdf.open("rb") as handle:
            data = handle.read()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            page = pdf.pages[0]
            if needs_image:
                picture = page.to_image(resolution=RENDER_RESOLUTION).original
                out = io.BytesIO()
                picture.save(out, format="PNG", optimize=False)
                image = out.getvalue()
            text = page_text(page)
    except Exception:  # a broken or encrypted file: whatever pdfminer/pdfium raise, the import goes on
        logger.warning("page %s: PDF %s not read", source.file_name, source.pdf.name, exc_info=True)
        return _store(source, [warning("pdf_unreadable")], image=None)
    if not text.text:
        warnings.append(warning("pdf_no_text"))
        zones = {article.pk: None for article in articles if article.zone}  # found in a PDF replaced
    else:
        missing = 0
        for article in articles:
            spans = article_spans(text, title=article.title, kicker=article.kicker, subtitle=article.subtitle, body=article.body)
            zone = spans_zone(text, spans)
            if zone is None:
                missing += 1
            if zone is not None or article.zone:
                zones[article.pk] = zone
        if missing:
            warnings.append(warning("zones_not_found", count=missing))
    zone_field = Article._meta.get_field("zone")
    ours = Q(zone__isnull=True) | Q(zone_from_pdf=True)
    with transaction.atomic():
        for article in Article.objects.select_for_update().filter(ours, pk__in=zones):
            # Saved one by one: post_save tells the page cache; an editor's zone drawn meanwhile stays.
            zone = zones[article.pk]
            try:
                zone_field.run_validators(zone)
            except ValidationError:  # spans_zone clamps, so never expected; never stored either
                continue
            article.zone, article.zone_from_pdf = zone, zone is not None
            article.save(update_fields=["zone", "zone_from_pdf"])
        return _store(source, warnings, image=image)


def _store(source: SourcePage, warnings: list[WarningDict], *, image: bytes | None) -> list[WarningDict]:
    kept = [w for w in source.parse_warnings or [] if not (isinstance(w, dict) and w.get("code") in CODES)]
    fields = []
    if kept + warnings != (source.parse_warnings or []):
        source.parse_warnings = kept + warnings
        fields.append("parse_warnings")
    if image is not None:
        if source.image:
            source.image.delete(save=False)  # the picture rendered from the PDF before it changed
        name = PurePosixPath(source.pdf.name).with_suffix(".png").name
        source.image.save(name, ContentFile(image), save=False)
        fields.append("image")
    if fields:
        source.save(update_fields=fields)
    return warnings
