"""Editions: which publication, issue (edition date) and page (版次, 版名) a page file is.

``resolve_edition`` is pure (plain inputs, no database): it takes each fact
from the first source that has it, in order

1. the page's masthead as the parser read it (``PageRecord.edition_date``,
   ``page_label`` such as 第一版 or A01, ``page_name`` when the parser gives
   one; the page's outlet for the publication),
2. the folder layout ``PUBLICATION_SLUG/YYYY-MM-DD/NN[-版名].txt``,
3. the import's options (``--publication``, ``--date``, ``--page``),

and says where each came from and where sources disagree. ``edition_apply``
stores the result on a SourcePage (creating the Publication and Issue);
``publication_time`` and ``dateline_iso`` derive the dates the edition gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path, PurePath
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction

from articles.parsing.decoding import printable_name
from articles.parsing.warnings import WarningDict, warning

# What time a printed issue counts as published on its edition date.
EDITION_HOUR = 6

MASTHEAD, FOLDER, OPTION = "masthead", "folder", "option"

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_FILE_RE = re.compile(r"^(\d{1,3})(?:-(.+))?$")  # 01, 01-要闻
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NEWSPAPER_RE = re.compile(r"(?:日报|晚报|早报|时报|商报|快报|都市报|周报|报)$")


class EditionConflict(Exception):
    """The edition facts point at a page another file already holds."""


@dataclass(frozen=True)
class EditionOptions:
    """The import's own options: a default for pages that do not say."""

    publication: str = ""  # slug (qingdao-ribao) or name (青岛日报)
    date: str = ""  # YYYY-MM-DD
    page: str = ""  # 3, 03, 第三版, A03


@dataclass
class EditionFacts:
    publication_name: str = ""
    publication_slug: str = ""
    edition_date: date | None = None
    number: int | None = None  # 版次
    label: str = ""  # 版次 as printed (第一版, A01), else derived (第1版)
    name: str = ""  # 版名
    file_name: str = ""  # what identifies the file: PUB/DATE/NN.txt when laid out so, else its name
    sources: dict[str, str] = field(default_factory=dict)  # fact -> MASTHEAD / FOLDER / OPTION
    warnings: list[WarningDict] = field(default_factory=list)

    @property
    def has_publication(self) -> bool:
        return bool(self.publication_name or self.publication_slug)

    @property
    def has_issue(self) -> bool:
        return self.has_publication and self.edition_date is not None


# --- pure helpers --------------------------------------------------------------


def page_number(label: str) -> int | None:
    """版次 as a number: 第一版 → 1, 第12版 → 12, 第十二版 → 12, A01 → 1, 03 → 3; else None."""
    text = (label or "").strip()
    text = re.sub(r"^第|版$", "", text)
    text = re.sub(r"^[A-Za-z]+", "", text)
    if text.isdigit():
        return int(text) or None
    return _chinese_number(text)


def _chinese_number(text: str) -> int | None:
    if not text or any(ch not in _CN_DIGITS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_DIGITS[ch]
    return (total + current) or None


def publication_name_from_outlet(outlet: str) -> str:
    """The newspaper in a byline outlet: 青岛日报/观海新闻 → 青岛日报, 观海新闻/青岛晚报 → 青岛晚报."""
    parts = [p.strip() for p in re.split(r"[/／、]", outlet or "") if p.strip()]
    for part in parts:
        if _NEWSPAPER_RE.search(part):
            return part
    return parts[0] if parts else ""


def _parse_date(text: str) -> date | None:
    match = _DATE_RE.match((text or "").strip())
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def folder_facts(path: str | PurePath | None) -> tuple[str, date | None, int | None, str] | None:
    """(slug, date, number, 版名) from PUBLICATION_SLUG/YYYY-MM-DD/NN[-版名].txt, else None."""
    if not path:
        return None
    parts = PurePath(path).parts
    if len(parts) < 3:
        return None
    slug, day, stem = parts[-3], parts[-2], PurePath(parts[-1]).stem
    edition_date = _parse_date(day)
    match = _FILE_RE.match(stem)
    if not (_SLUG_RE.match(slug) and edition_date and match):
        return None
    return slug, edition_date, int(match.group(1)) or None, (match.group(2) or "").strip()


def resolve_edition(
    *,
    path: str | PurePath | None,
    outlet: str = "",
    edition_date: str = "",
    page_label: str = "",
    page_name: str = "",
    options: EditionOptions = EditionOptions(),
) -> EditionFacts:
    """Edition facts for one page: masthead, then folder layout, then options (see module doc)."""
    facts = EditionFacts()
    folder = folder_facts(path)
    name = "/".join(PurePath(path).parts[-3:]) if folder else (PurePath(path).name if path else "")
    facts.file_name = printable_name(name)[0]  # a name off a foreign file system may not be UTF-8

    def take(fact: str, candidates: list[tuple[str, object]]) -> object:
        given = [(source, value) for source, value in candidates if value not in (None, "")]
        if not given:
            return None
        source, value = given[0]
        facts.sources[fact] = source
        for other, other_value in given[1:]:
            if other_value != value:
                facts.warnings.append(_disagreement(fact, value, source, other_value, other))
        return value

    # Publication: masthead outlet name, folder slug, option (slug or name).
    option_slug = options.publication if _SLUG_RE.match(options.publication or "") else ""
    option_name = "" if option_slug else (options.publication or "").strip()
    name = publication_name_from_outlet(outlet)
    if name:
        facts.publication_name = name
        facts.sources["publication"] = MASTHEAD
        # The folder or option may still say which slug this publication has.
        facts.publication_slug = (folder[0] if folder else "") or option_slug
        if option_name and option_name != name:
            facts.warnings.append(_disagreement("publication", name, MASTHEAD, option_name, OPTION))
    elif folder:
        facts.publication_slug = folder[0]
        facts.sources["publication"] = FOLDER
        if option_slug and option_slug != folder[0]:
            facts.warnings.append(_disagreement("publication", folder[0], FOLDER, option_slug, OPTION))
        facts.publication_name = option_name
    elif options.publication:
        facts.publication_slug, facts.publication_name = option_slug, option_name
        facts.sources["publication"] = OPTION

    option_date = _parse_date(options.date)
    if options.date and option_date is None:
        facts.warnings.append(warning("edition_date_option_invalid", value=options.date))
    facts.edition_date = take("edition_date", [
        (MASTHEAD, _parse_date(edition_date)),
        (FOLDER, folder[1] if folder else None),
        (OPTION, option_date),
    ])

    facts.number = take("number", [
        (MASTHEAD, page_number(page_label)),
        (FOLDER, folder[2] if folder else None),
        (OPTION, page_number(options.page)),
    ])
    if page_label:
        facts.label = page_label
    elif facts.number:
        facts.label = options.page if facts.sources.get("number") == OPTION and not options.page.isdigit() else f"第{facts.number}版"

    facts.name = take("name", [(MASTHEAD, page_name), (FOLDER, folder[3] if folder else "")]) or ""

    if not facts.has_issue:
        missing = [what for what, ok in (("publication", facts.has_publication), ("edition_date", facts.edition_date)) if not ok]
        facts.warnings.append(warning("edition_missing", missing=missing))
    elif facts.number is None:
        facts.warnings.append(warning("edition_number_missing"))
    return facts


def _disagreement(fact: str, value: object, source: str, other_value: object, other: str) -> WarningDict:
    # Values are dates and numbers too: as text, so the warning is JSON.
    return warning("edition_disagreement", fact=fact, value=str(value), source=source, other_value=str(other_value), other=other)


def dateline_iso(month: int | None, day: int | None, edition_date: date | str | None) -> str:
    """A dateline's date: ISO with the year the edition gives, else --MM-DD.

    A dateline is at most a few weeks before its issue, so a December
    dateline in a January issue is of the year before; one after the
    edition date by more than a few days is also of the year before.
    """
    if not (month and day):
        return ""
    if isinstance(edition_date, str):
        edition_date = _parse_date(edition_date)
    if not edition_date:
        return f"--{month:02d}-{day:02d}"
    year = edition_date.year
    try:
        candidate = date(year, month, day)
    except ValueError:  # 2月29日 in a common year
        candidate = None
    if candidate is None or (candidate - edition_date).days > 7:
        year -= 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def publication_time(edition_date: date | None) -> datetime | None:
    """When a page of the edition counts as published: EDITION_HOUR on its date, local time."""
    if edition_date is None:
        return None
    return datetime.combine(edition_date, time(EDITION_HOUR), tzinfo=ZoneInfo(settings.TIME_ZONE))


# --- database ------------------------------------------------------------------


def edition_apply(source, facts: EditionFacts):
    """Give a SourcePage (not yet saved) its issue, number, name and label; returns its Issue or None.

    Raises EditionConflict when another file already is that page of that issue.
    """
    from articles.models import Issue, SourcePage

    source.edition_date = facts.edition_date
    if facts.label:
        source.page_label = facts.label
    source.number = facts.number
    source.name = facts.name or source.name
    if not facts.has_issue:
        source.issue = None
        return None
    publication = publication_for(name=facts.publication_name, slug=facts.publication_slug)
    issue = issue_lock(publication=publication, edition_date=facts.edition_date)
    if facts.number is not None:
        holder = SourcePage.objects.filter(issue=issue, number=facts.number).exclude(pk=source.pk).first()
        if holder is not None:
            raise EditionConflict(
                f"page {facts.number} of {issue} is already imported from {holder.file_name}"
            )
    source.issue = issue
    if not source.outlet:
        source.outlet = publication.name
    return issue


def issue_lock(*, publication, edition_date: date):
    """The Issue, created when new, with its row locked until the transaction ends.

    Every page import of an issue takes this lock before it writes anything of the
    issue: retiring an article (search's generation row, locked in pre_delete),
    joining jumps (the other pages' parts) and the check that no other file holds
    its 版次. Two imports of one issue would take those locks in opposite orders and
    deadlock, or join parts the other has half written; so pages of one issue are
    written one after the other, and those of different issues still at once.
    Race-free: get_or_create locks the row it finds, and an insert that meets a row
    inserted meanwhile reads (and locks) that row. No key update (PostgreSQL's FOR NO
    KEY UPDATE): imports of the issue still wait for each other, but a row that only
    points at the issue (an editor saving one of its pages) does not wait for them."""
    from articles.models import Issue

    return Issue.objects.select_for_update(no_key=True).get_or_create(publication=publication, edition_date=edition_date)[0]


def publication_for(*, name: str = "", slug: str = ""):
    """The Publication by name, else by slug; created when new (slug: given, else pinyin of the name)."""
    from articles.models import Publication
    from articles.services.naming import unique_slug

    found = None
    if name:
        found = Publication.objects.filter(name=name).first()
    if found is None and slug:
        found = Publication.objects.filter(slug=slug).first()
    if found is not None:
        if name and found.name == found.slug:  # first met as a folder slug only: now it has its name
            found.name = name
            found.save(update_fields=["name"])
        return found
    publication = Publication(name=name or slug, slug=slug or unique_slug(Publication, name))
    publication.full_clean()
    try:
        with transaction.atomic():  # a savepoint: the import of another page may create the paper at once
            publication.save()
    except IntegrityError:
        found = Publication.objects.filter(name=publication.name).first()
        if found is None:
            raise
        return found
    return publication


def page_edition(page, *, path: str | PurePath | None = None, options: EditionOptions = EditionOptions()) -> EditionFacts:
    """resolve_edition for a PageRecord (path defaults to its file name, which may be laid out PUB/DATE/NN.txt)."""
    return resolve_edition(
        path=path if path is not None else page.file_name,
        outlet=page.outlet,
        edition_date=page.edition_date,
        page_label=page.page_label,
        page_name=getattr(page, "page_name", ""),  # when the parser reads it from the masthead
        options=options,
    )


def edition_differs(source, facts: EditionFacts) -> bool:
    """Whether a stored page's edition is not what these facts say (an unchanged file given a new --date)."""
    if not facts.has_issue:
        return False
    return (  # no query: the page keeps its issue's date
        source.issue_id is None or source.edition_date != facts.edition_date or source.number != facts.number
        or (facts.name and source.name != facts.name)
    )


def moved_page(page):
    """A page stored under a flat file name that now arrives, with the very same bytes, in the
    PUB/DATE/NN.txt layout: it is the same page moved, not a new one. Any other file with
    the same bytes is a duplicate (importing.page_import reports it)."""
    from articles.models import SourcePage

    if "/" not in page.file_name:
        return None
    return (
        SourcePage.objects.select_for_update()
        .filter(sha256=page.sha256)
        .exclude(file_name__contains="/")
        .first()
    )


def edition_label(source) -> str:
    """e.g. 青岛日报 2024-07-26 第1版 要闻, for reports."""
    if source.issue_id is None:
        return ""
    bits = [str(source.issue), source.page_label, source.name]
    return " ".join(b for b in bits if b)


def page_file_name(path: str | Path) -> str:
    """How the importer names a page file: PUB/DATE/NN.txt when laid out by edition, else its name."""
    return resolve_edition(path=path).file_name
