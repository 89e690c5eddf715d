"""Import warnings in the reader's language: the one place a warning becomes a sentence.

The parser and the importer store warnings as codes with parameters
(articles.parsing.warnings); the desk, the export and the import report show
them through warning_text(), so the same stored warning reads in Chinese or
English as the install is set.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from articles.models import Article
from articles.parsing.warnings import WarningDict

# Old warnings that were stored as text and recognised by no code (the data
# migration keeps them as {"code": "legacy", "params": {"text": ...}}).
LEGACY = "legacy"

MESSAGES: dict[str, Promise] = {
    # The parser: what it did to a page's text.
    "no_headline": gettext_lazy("no headline: photo news or text printed without a title"),
    "byline_at_end": gettext_lazy("byline printed at the end of the article"),
    "byline_mid_text": gettext_lazy(
        "byline found mid-text: the text above it was moved after the text below it (columns printed out of order)"
    ),
    "source_credit_kept_out": gettext_lazy("source credit kept out of the body: %(text)s"),
    "dateline_not_a_date": gettext_lazy("dateline date is not a real date, kept as printed only: %(dateline)s"),
    "highlight_box_dropped": gettext_lazy("dropped a highlight box that repeats the body: %(text)s…"),
    "rejoined_paragraphs": ngettext_lazy(
        "rejoined %(count)d paragraph broken by column ends", "rejoined %(count)d paragraphs broken by column ends", "count"
    ),
    "captions_moved": ngettext_lazy(
        "moved %(count)d caption out of the sentence it interrupted",
        "moved %(count)d captions out of the sentences they interrupted",
        "count",
    ),
    "ends_mid_sentence": gettext_lazy("the last paragraph ends mid-sentence; the article may continue elsewhere"),
    "footers_dropped": ngettext_lazy("dropped %(count)d footer line", "dropped %(count)d footer lines", "count"),
    "file_name_cut": gettext_lazy("file name cut to %(limit)d characters"),
    "headline_too_long": gettext_lazy("%(field)s of %(length)d characters is over %(limit)d: kept as body text"),
    "field_cut": gettext_lazy("%(field)s cut to %(limit)d characters"),
    "byline_field_cut": gettext_lazy("a byline field was cut to the length the database stores"),
    "page_credit_kept_out": gettext_lazy("page credit line kept out of the articles: %(text)s"),
    "masthead_date_invalid": gettext_lazy("masthead date is not a real date, ignored: %(date)s"),
    "file_name_not_unicode": gettext_lazy("file name is not valid Unicode; stored as %(name)s"),
    "file_name_gb18030": gettext_lazy("file name is not UTF-8; read as GB18030: %(name)s"),
    "file_name_not_utf8": gettext_lazy("file name is not valid UTF-8; stored as %(name)s"),
    "decoded_utf16": gettext_lazy("file is not UTF-8; decoded as UTF-16 (%(byte_order)s)"),
    "decoded_gb18030": gettext_lazy("file is not UTF-8; decoded as GB18030 (GBK/GB2312 compatible)"),
    # The importer: what a re-import did to stored articles.
    "editor_version_kept": gettext_lazy("the page was re-imported with changes; the editor's version was kept"),
    "detached": gettext_lazy("no longer found on the page when it was re-imported; moved after the page's articles"),
    "kept_not_found": gettext_lazy(
        "no longer found on the page; kept because it is edited or published, and moved after the page's articles"
    ),
    "suppressed": gettext_lazy("removed or merged by an editor; not imported again"),
    # 转版: a story continued on a page not imported (yet).
    "jump_rest_missing": gettext_lazy("continued on %(label)s, the rest is not imported; not published on its own"),
    "jump_start_missing": gettext_lazy("continued from %(label)s, the start is not imported; not published on its own"),
    # The page PDF (articles.services.zones): story zones and the page picture from it.
    "pdf_no_text": gettext_lazy("the page PDF has no text (a scan?); story zones are not marked"),
    "pdf_unreadable": gettext_lazy("the page PDF could not be read; no story zones or page picture from it"),
    "zones_not_found": ngettext_lazy(
        "%(count)d article not found in the page PDF; its zone is not marked",
        "%(count)d articles not found in the page PDF; their zones are not marked",
        "count",
    ),
    # Edition facts (articles.services.editions): which source said what.
    "edition_disagreement": gettext_lazy("edition: %(fact)s %(value)s (%(source)s) used, not %(other_value)s (%(other)s)"),
    "edition_date_option_invalid": gettext_lazy("edition: --date “%(value)s” is not YYYY-MM-DD; ignored"),
    "edition_missing": gettext_lazy(
        "edition: no %(missing)s (masthead, PUBLICATION/YYYY-MM-DD/NN.txt or --publication/--date); "
        "imported without an issue"
    ),
    "edition_number_missing": gettext_lazy("edition: no page number found; the page has an issue but no number"),
}

# Names the parameters of edition warnings carry, in the reader's language.
EDITION_FACTS = {
    "publication": gettext_lazy("publication"),
    "edition_date": gettext_lazy("edition date"),
    "number": gettext_lazy("page number"),
    "name": gettext_lazy("page name"),
}
EDITION_SOURCES = {
    "masthead": gettext_lazy("masthead"),
    "folder": gettext_lazy("folder"),
    "option": gettext_lazy("option"),
}


def warning_text(warning: WarningDict | str) -> str:
    """One stored warning as a sentence in the active language.

    A warning about one article of a page (an import report's) carries
    ``"article": {"position": 3, "title": "…"}`` and reads "#3 …: …".
    Text (a warning written before codes) is shown as it is.
    """
    if isinstance(warning, str):
        return warning
    params = dict(warning.get("params") or {})
    code = warning.get("code", "")
    if code == LEGACY:
        text = params.get("text", "")
    elif code in MESSAGES:
        text = MESSAGES[code] % _named(code, params)
    else:  # a code from a newer version: still say something an editor can report
        text = f"{code} {params}" if params else code
    if article := warning.get("article"):
        title = article.get("title") or _("(no headline)")
        text = f"#{article['position']} {title}: {text}"
    return text


def warnings_text(warnings: Iterable[WarningDict | str]) -> list[str]:
    return [warning_text(w) for w in warnings]


def warning_export(warning: WarningDict | str) -> dict:
    """A warning as the export and the import report give it: code and params to act on, text to read."""
    if isinstance(warning, str):
        warning = {"code": LEGACY, "params": {"text": warning}}
    return {**warning, "text": warning_text(warning)}


def _named(code: str, params: dict) -> dict:
    if "field" in params:  # an article's field, named as the desk labels it
        params["field"] = Article._meta.get_field(params["field"]).verbose_name
    if code == "edition_disagreement":
        params["fact"] = EDITION_FACTS.get(params["fact"], params["fact"])
        params["source"] = EDITION_SOURCES.get(params["source"], params["source"])
        params["other"] = EDITION_SOURCES.get(params["other"], params["other"])
    if code == "edition_missing":
        # One fact missing, or both: the publication and the edition date.
        names = [str(EDITION_FACTS.get(m, m)) for m in params["missing"]]
        first, *second = names
        params["missing"] = _("%(first)s or %(second)s") % {"first": first, "second": second[0]} if second else first
    return params
