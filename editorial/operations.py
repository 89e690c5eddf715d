"""One-click fixes for the importer's usual mistakes, done on the review page.

Split an article at a paragraph, merge two neighbours, move a paragraph to the
article before or after, change a block's kind, correct the byline. Each is
one atomic service that saves through editorial.saving (so it refuses to work
from a stale version and leaves a revision), and keeps provenance right: the
articles of a page keep positions 1..n, and spans that partition the text
they came from.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext, gettext_lazy as _

from articles.models import Article, Byline, Reporter
from articles.services.naming import reporter_create
from editorial.errors import InvalidOperation, NotAllowed
from editorial.models import Note
from editorial.rules import User
from editorial.saving import claim_version, ensure_baseline, editing, void_after_edit
from editorial.services import check_can_edit
from text.bodytext import CAPTION, PARAGRAPH, SUBHEAD, Block
from text.bodytext import blocks_to_text, text_to_blocks
from text.textstats import body_char_count

S = Article.Status
KINDS = {PARAGRAPH: _("body paragraph"), SUBHEAD: _("subhead"), CAPTION: _("caption")}
# How much of a block to look for in the page text: enough to be unique, short
# enough to survive the parser rejoining the printed line breaks.
_PROBE = 16


def _blocks(article: Article) -> list[Block]:
    return text_to_blocks(article.body)


def _set_blocks(article: Article, blocks: list[Block]) -> None:
    article.body = blocks_to_text(blocks)
    article.char_count = body_char_count(blocks)  # as the importer counts 字数


def _block_offset(article: Article, blocks: list[Block], index: int) -> int:
    """Where block index starts in the page text, inside the article's span.

    Blocks are looked for in order, each after the one before. If an editor's
    changes make one unfindable, fall back to a proportional estimate, which
    still lies inside the span, so spans stay a partition."""
    raw = article.source_page.raw_text
    cursor = article.span_start
    for i, block in enumerate(blocks[: index + 1]):
        probe = block.text.split("\n", 1)[0][:_PROBE]
        found = raw.find(probe, cursor, article.span_end) if probe else -1
        if found < 0:
            break
        if i == index:
            return found
        cursor = found + len(probe)
    before = sum(len(b.text) for b in blocks[:index])
    total = sum(len(b.text) for b in blocks) or 1
    return article.span_start + (article.span_end - article.span_start) * before // total


def _check_index(blocks: list[Block], index: int) -> None:
    if not 0 <= index < len(blocks):
        raise InvalidOperation(gettext("There is no block %(number)d.") % {"number": index + 1})


def _shift_positions(*, article: Article, after: int, by: int) -> None:
    """Renumber the rest of the page. Their versions move too, so an editor
    holding one of them open cannot save the old position back."""
    Article.objects.filter(source_page_id=article.source_page_id, position__gt=after).update(
        position=F("position") + by, version=F("version") + 1
    )


def _neighbour(article: Article, offset: int) -> Article:
    other = (
        Article.objects.select_for_update()
        .filter(source_page_id=article.source_page_id, position=article.position + offset)
        .first()
    )
    if other is None:
        raise InvalidOperation(
            gettext("There is no previous article on this page.") if offset < 0
            else gettext("There is no next article on this page.")
        )
    return other


def _check_text_can_move(*, user: User, articles: tuple[Article, ...]) -> None:
    for one in articles:
        check_can_edit(user=user, article=one)
        if one.is_public:
            raise InvalidOperation(
                gettext("“%(article)s” is public; unpublish it before moving text.") % {"article": one}
            )


@transaction.atomic
def article_split(*, article: Article, user: User, block_index: int) -> Article:
    """Cut the article before block_index; the blocks from there on become a new article right after it."""
    _check_text_can_move(user=user, articles=(article,))  # text must not vanish from a live story
    blocks = _blocks(article)
    _check_index(blocks, block_index)
    if block_index == 0:
        raise InvalidOperation(gettext("Cannot split before the first block."))
    cut = _block_offset(article, blocks, block_index)
    with editing(article=article, user=user, comment=gettext("Split at paragraph %(number)d") % {"number": block_index + 1}):
        _shift_positions(article=article, after=article.position, by=1)
        tail = Article(
            source_page_id=article.source_page_id, position=article.position + 1, span_start=cut,
            span_end=article.span_end, column_id=article.column_id, section_id=article.section_id,
            # The new part still needs review, whatever became of the first.
            status=S.IMPORTED if article.status == S.IMPORTED else S.DRAFT,
            continues_to=article.continues_to,
        )
        _set_blocks(tail, blocks[block_index:])
        tail.full_clean()  # also gives it its pinyin slug
        tail.save()
        article.span_end = cut
        article.continues_to = ""
        _set_blocks(article, blocks[:block_index])
    return tail


@transaction.atomic
def articles_merge(*, article: Article, user: User, other: Article) -> Article:
    """Join two neighbouring articles of one page into the earlier one; the later one is deleted
    (its last state stays in the revision history) and the page is renumbered."""
    if other.source_page_id != article.source_page_id or abs(other.position - article.position) != 1:
        raise InvalidOperation(gettext("Only neighbouring articles of one page can be merged."))
    first, second = sorted((article, other), key=lambda a: a.position)
    _check_text_can_move(user=user, articles=(first, second))
    ensure_baseline(second)
    with editing(article=first, user=user, comment=gettext("Merged “%(article)s”") % {"article": second}, also=[second.pk]):
        claim_version(article=second, seen_version=second.version)
        _set_blocks(first, _blocks(first) + _blocks(second))
        first.span_start = min(first.span_start, second.span_start)
        first.span_end = max(first.span_end, second.span_end)
        first.continues_to = second.continues_to or first.continues_to
        credited = dict(first.bylines.values_list("reporter_id", "position"))
        next_position = max(credited.values(), default=0) + 1
        for byline in second.bylines.order_by("position"):
            if byline.reporter_id not in credited:
                Byline.objects.create(article=first, reporter_id=byline.reporter_id, role=byline.role, position=next_position)
                next_position += 1
        first.tags.add(*second.tags.all())
        # Editors' notes are never silently lost: they follow the text.
        Note.objects.filter(article=second).update(article=first)
        gone = second.position
        second.delete()
        _shift_positions(article=first, after=gone, by=-1)
    return first


@transaction.atomic
def paragraph_move(*, article: Article, user: User, block_index: int, direction: str) -> Article:
    """Move the first block to the end of the previous article, or the last block to the start of the next.

    Only a block at the boundary can move, so both articles keep their text in
    printed order; the boundary between their spans moves with it."""
    check_can_edit(user=user, article=article)
    blocks = _blocks(article)
    _check_index(blocks, block_index)
    if len(blocks) == 1:
        raise InvalidOperation(gettext("This is the only block; merge the articles instead."))
    if direction == "previous" and block_index == 0:
        other = _neighbour(article, -1)
    elif direction == "next" and block_index == len(blocks) - 1:
        other = _neighbour(article, +1)
    else:
        raise InvalidOperation(
            gettext("Only the first block can move to the previous article, and only the last to the next.")
        )
    _check_text_can_move(user=user, articles=(article, other))
    ensure_baseline(other)
    comment = gettext("Moved paragraph %(number)d") % {"number": block_index + 1}
    with editing(article=article, user=user, comment=comment, also=[other.pk]):
        claim_version(article=other, seen_version=other.version)
        if direction == "previous":
            boundary = _block_offset(article, blocks, 1)
            _set_blocks(other, _blocks(other) + blocks[:1])
            _set_blocks(article, blocks[1:])
            other.span_end = article.span_start = boundary
        else:
            boundary = _block_offset(article, blocks, block_index)
            _set_blocks(other, blocks[-1:] + _blocks(other))
            _set_blocks(article, blocks[:-1])
            article.span_end = other.span_start = boundary
        void_after_edit(article=other, user=user)  # its text changed too
        other.full_clean()
        other.save()
    return article


@transaction.atomic
def block_set_kind(*, article: Article, user: User, block_index: int, kind: str) -> Article:
    """Make a block a paragraph, a subhead or a caption."""
    check_can_edit(user=user, article=article)
    if kind not in KINDS:
        raise InvalidOperation(gettext("Unknown block kind: %(kind)s") % {"kind": kind})
    blocks = _blocks(article)
    _check_index(blocks, block_index)
    comment = gettext("Paragraph %(number)d made a %(kind)s") % {"number": block_index + 1, "kind": KINDS[kind]}
    with editing(article=article, user=user, comment=comment):
        blocks[block_index] = Block(kind, blocks[block_index].text)
        _set_blocks(article, blocks)
    return article


def _check_zone(zone: dict | None) -> None:
    if zone is None:
        return
    try:
        Article._meta.get_field("zone").run_validators(zone)
    except ValidationError as exc:
        raise InvalidOperation("；".join(str(m) for m in exc.messages)) from exc
    if zone["w"] <= 0 or zone["h"] <= 0:
        raise InvalidOperation(gettext("Draw a box with some width and height."))


@transaction.atomic
def article_set_zone(*, article: Article, user: User, zone: dict | None) -> Article:
    """Mark where the article is printed on its page's image ({x, y, w, h} in fractions
    of the page), or clear the mark with None. A zone is not text: public stories may
    have it corrected, and sign-offs stand; the change is announced, so the public
    page (and its cache) shows the new box."""
    check_can_edit(user=user, article=article)
    _check_zone(zone)
    comment = gettext("Zone on the page cleared") if zone is None else gettext("Zone on the page set")
    with editing(article=article, user=user, comment=comment, text_edit=False):
        article.zone = None if zone is None else {key: zone[key] for key in ("x", "y", "w", "h")}
        article.zone_from_pdf = False  # the editor's now: a new PDF does not redo it
    return article


def _reporter(*, name: str, article: Article, user: User) -> Reporter:
    """The person meant by a name on this article: one already credited, else the only
    reporter of that name, else one from the page's outlet, else the reporter the name
    was merged into, else a new reporter."""
    for byline in article.bylines.all():
        if byline.reporter.name == name:
            return byline.reporter
    namesakes = list(Reporter.objects.filter(name=name))
    outlet = article.source_page.outlet
    if len(namesakes) == 1:
        return namesakes[0]
    same_outlet = [r for r in namesakes if r.outlet.startswith(outlet)] if outlet else []
    if same_outlet:
        return same_outlet[0]
    if namesakes:
        return namesakes[0]
    # A name editors merged into another reporter: at the page's paper first, as namesakes are.
    merged = list(Reporter.objects.filter(aliases__name=name).annotate(alias_outlet=F("aliases__outlet")))
    if merged:
        return next((r for r in merged if outlet and r.alias_outlet.startswith(outlet)), merged[0])
    if not user.has_perm("articles.add_reporter"):
        raise NotAllowed(gettext("No reporter is named “%(name)s”, and you may not add one.") % {"name": name})
    return reporter_create(name=name, outlet=outlet)


@transaction.atomic
def article_set_bylines(*, article: Article, user: User, people: list[tuple[str, str]]) -> Article:
    """Replace the byline with people, given as (role, name) in printed order."""
    check_can_edit(user=user, article=article)
    if not people:
        raise InvalidOperation(gettext("A byline needs at least one person."))
    with editing(article=article, user=user, comment=gettext("Corrected the byline")):
        reporters = [_reporter(name=name, article=article, user=user) for _, name in people]
        article.bylines.all().delete()
        for position, ((role, _), reporter) in enumerate(zip(people, reporters, strict=True), start=1):
            Byline.objects.create(article=article, reporter=reporter, role=role, position=position)
    return article


def _check_can_rejoin(*, user: User, article: Article, first: Article) -> None:
    """Joining or unlinking changes the text readers see of the first part."""
    _check_text_can_move(user=user, articles=(article, first))


@transaction.atomic
def article_join_continuation(*, article: Article, user: User, first: Article) -> Article:
    """Make article the later part (转版) of first, which the importer did not pair:
    readers then see one story, first's, with both bodies, and never article alone."""
    if first.pk == article.pk:
        raise InvalidOperation(gettext("An article cannot continue itself."))
    if first.continuation_of_id is not None:
        raise InvalidOperation(gettext("“%(article)s” is itself a later part; join to its first part.") % {"article": first})
    if article.continuations.exists():
        raise InvalidOperation(gettext("“%(article)s” has later parts of its own.") % {"article": article})
    if first.source_page.issue_id is None or first.source_page.issue_id != article.source_page.issue_id:
        raise InvalidOperation(gettext("Both parts must be printed in the same issue."))
    if first.source_page_id == article.source_page_id:
        raise InvalidOperation(gettext("A later part is printed on another page."))
    _check_can_rejoin(user=user, article=article, first=first)
    comment = gettext("Joined as the later part of “%(article)s”") % {"article": first}
    with editing(article=article, user=user, comment=comment, also=[first.pk]):
        article.continuation_of = first
        if not first.continues_to:
            # Readers' pages look for later parts of a story that says where it jumps (下转).
            page = article.source_page
            label = page.page_label or (gettext("Page %(number)02d") % {"number": page.number} if page.number else "")
            Article.objects.filter(pk=first.pk).update(continues_to=(label or page.file_name)[:50], version=F("version") + 1)
    return article


@transaction.atomic
def article_unlink_continuation(*, article: Article, user: User) -> Article:
    """Undo a pairing of jump parts: article becomes a story of its own again."""
    first = article.continuation_of
    if first is None:
        raise InvalidOperation(gettext("This article is not a later part."))
    _check_can_rejoin(user=user, article=article, first=first)
    with editing(article=article, user=user, comment=gettext("Unlinked from “%(article)s”") % {"article": first}):
        article.continuation_of = None
    return article
