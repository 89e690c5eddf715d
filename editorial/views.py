"""The review page: an article beside the printed page it came from, with one-click fixes.

Only staff with view permission on articles see it; every change is a POST
(CSRF-protected) handled by a service that checks the user's role itself.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article, Reporter
from articles.warnings import warnings_text
from editorial import operations, services
from editorial.errors import EditConflict, InvalidOperation, WorkflowError
from editorial.forms import (
    BylinesForm, ContinuationForm, FixForm, MarkForm, MoveForm, NoteForm, SeenVersionForm, ZoneForm,
)
from editorial.levels import levels_for
from editorial.models import ProofMark
from editorial.operations import KINDS
from editorial.rules import (
    available_moves, can_add_note, can_edit, can_mark, can_resolve_mark, can_restructure, pending_level,
)
from editorial.selectors import (
    article_for_review, article_history, article_notes, article_transitions, continuation_candidates, neighbours,
    page_stories,
)
from editorial.workflow import APPROVE, MOVES, Move
from screening.forms import OverrideForm
from text.bodytext import text_to_blocks


def desk_view(view: Callable) -> Callable:
    return staff_member_required(permission_required("articles.view_article", raise_exception=True)(view))


def _article(pk: int) -> Article:
    try:
        return article_for_review(pk=pk)
    except Article.DoesNotExist:
        raise Http404(gettext("No such article.")) from None


def _back(pk: int, anchor: str = "") -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("editorial:review", args=[pk]) + anchor)


def _attempt(request: HttpRequest, change: Callable[[], object], done: str) -> None:
    """Run a service; its refusal becomes the message the editor reads."""
    try:
        change()
    except EditConflict as exc:
        messages.error(request, exc.html())
    except WorkflowError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)


def _posted(request: HttpRequest, form_class: type[forms.Form]) -> forms.Form | None:
    """The bound form if valid; else None, with its errors as the message the editor reads."""
    form = form_class(request.POST)
    if form.is_valid():
        return form
    messages.error(request, "；".join(str(e) for errors in form.errors.values() for e in errors))
    return None


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The desk's front door: a reporter's own stories (我的稿件, the list's default for them),
    for everyone else the list of what the importer brought in, awaiting review."""
    changelist = reverse("admin:articles_article_changelist")
    user = request.user
    if user.is_authenticated and not user.has_perm("articles.review_article") and Reporter.objects.filter(user=user).exists():
        return HttpResponseRedirect(changelist)
    return HttpResponseRedirect(f"{changelist}?status__exact=imported")


def _move_label(move: Move, article: Article) -> str:
    """The button: approving signs the next level, so it says which."""
    if move is APPROVE and (pending := pending_level(article)) is not None:
        return gettext("Sign off: %(level)s") % {"level": levels_for(article)[pending]}
    return str(move.label)


def _edition(article: Article) -> dict[str, object]:
    """Where the article was printed: paper, date, 版次 · 版名 (what the importer knew of them)."""
    page = article.source_page
    return {
        "publication": page.issue.publication if page.issue_id else page.outlet,
        "date": page.issue.edition_date if page.issue_id else page.edition_date,
        "page": page.page_label or (gettext("Page %(number)d") % {"number": page.number} if page.number else ""),
        "name": page.name,
    }


def _box(zone: dict) -> dict[str, str]:
    """A zone's x, y, w, h as SVG attribute values (fractions, 4 decimals, never localized)."""
    return {key: f"{float(zone[key]):.4f}" for key in ("x", "y", "w", "h")}


def _zone_picture(article: Article, stories: list[Article]) -> dict[str, object] | None:
    """The page image with the article's zone and the other stories' (None without an image)."""
    page = article.source_page
    if not page.image:
        return None
    return {
        "url": page.image.url,
        "zone": _box(article.zone) if article.zone else None,
        "others": [
            {"title": story.title or gettext("article %(id)s") % {"id": story.pk}, **_box(story.zone)}
            for story in stories if story.pk != article.pk and story.zone
        ],
    }


def _review_levels(article: Article) -> list[dict[str, object]]:
    """Each level of the article with its standing sign-off (or none yet)."""
    standing = {s.level: s for s in article.signoffs.all() if s.standing}
    return [{"level": level, "signoff": standing.get(level.key)} for level in levels_for(article)]


@require_GET
@desk_view
def review(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    raw = article.source_page.raw_text
    stories = page_stories(article=article)
    around = {story.position: story for story in stories}
    previous, following = around.get(article.position - 1), around.get(article.position + 1)
    editable = can_edit(request.user, article)
    restructurable = can_restructure(request.user, article)
    picture = _zone_picture(article, stories)
    context = {
        **admin.site.each_context(request),
        "title": gettext("Review: %(article)s") % {"article": article},
        "article": article,
        "edition": _edition(article),
        "later_parts": article.parts[1:],
        "continuation_candidates": continuation_candidates(article=article) if restructurable else [],
        "blocks": list(enumerate(text_to_blocks(article.body))),
        "kinds": KINDS,
        "before": raw[: article.span_start],
        "span": raw[article.span_start : article.span_end],
        "after": raw[article.span_end :],
        # Split, merge and move change which article text belongs to: not on a public story.
        "previous": previous if restructurable else None,
        "following": following if restructurable else None,
        "restructurable": restructurable,
        "editable": editable,
        "moves": [(move, _move_label(move, article)) for move in available_moves(request.user, article)],
        "levels": _review_levels(article),
        "signoffs": list(article.signoffs.all()),
        "marks": list(article.proof_marks.all()),
        "mark_form": MarkForm() if can_mark(request.user, article) else None,
        "may_resolve": can_resolve_mark(request.user, article),
        "move_form": MoveForm(initial={"version": article.version}),
        "bylines_form": BylinesForm(
            initial={
                "version": article.version,
                "people": "\n".join(f"{b.role} {b.reporter.name}".strip() for b in article.bylines.all()),
            }
        ),
        "note_form": NoteForm() if can_add_note(request.user, article) else None,
        "notes": article_notes(article=article),
        "transitions": article_transitions(article=article),
        "picture": picture,
        "zone_form": ZoneForm(initial={"version": article.version, **(article.zone or {})}) if picture and editable else None,
        "warnings": warnings_text([*article.warnings, *article.source_page.parse_warnings]),
    }
    return render(request, "editorial/review.html", context)


def _as_seen(pk: int, form: SeenVersionForm) -> Article:
    """The article as the editor saw it: stored data, with the version their page showed,
    so a save is refused if someone changed it since."""
    article = _article(pk)
    article.version = form.cleaned_data["version"]
    return article


@require_POST
@desk_view
def move(request: HttpRequest, pk: int) -> HttpResponse:
    if (form := _posted(request, MoveForm)) is None:
        return _back(pk)
    article, user, data = _as_seen(pk, form), request.user, form.cleaned_data
    name, note = data["move"], data["note"]
    # Two moves take more than a note; the rest share one signature.
    changes = {
        "schedule": lambda: services.article_schedule(article=article, user=user, when=data["when"], note=note),
        "correct": lambda: services.article_correct(article=article, user=user, correction=data["correction"], note=note),
    }
    change = changes.get(name, lambda: services.SIMPLE_MOVES[name](article=article, user=user, note=note))
    _attempt(request, change, gettext("Done: %(move)s.") % {"move": MOVES[name].label})
    return _back(pk)


@require_POST
@desk_view
def fix(request: HttpRequest, pk: int) -> HttpResponse:
    if (form := _posted(request, FixForm)) is None:
        return _back(pk)
    article, user, data = _as_seen(pk, form), request.user, form.cleaned_data
    op, block = data["op"], data["block"]
    previous, following = neighbours(article=article)
    changes = {
        "split": lambda: operations.article_split(article=article, user=user, block_index=block),
        "move_previous": lambda: operations.paragraph_move(article=article, user=user, block_index=block, direction="previous"),
        "move_next": lambda: operations.paragraph_move(article=article, user=user, block_index=block, direction="next"),
        "kind": lambda: operations.block_set_kind(article=article, user=user, block_index=block, kind=data["kind"]),
        "merge_previous": lambda: operations.articles_merge(article=article, user=user, other=_require(previous)),
        "merge_next": lambda: operations.articles_merge(article=article, user=user, other=_require(following)),
    }
    _attempt(request, changes[op], gettext("Done: %(move)s.") % {"move": dict(FixForm.OPS)[op]})
    if op == "merge_previous" and previous is not None and not Article.objects.filter(pk=pk).exists():
        return _back(previous.pk)  # this article was merged into the one before it
    return _back(pk, "#body")


def _require(neighbour: Article | None) -> Article:
    if neighbour is None:
        raise InvalidOperation(gettext("No neighbouring article on this page."))
    return neighbour


@require_POST
@desk_view
def bylines(request: HttpRequest, pk: int) -> HttpResponse:
    if (form := _posted(request, BylinesForm)) is not None:
        article = _as_seen(pk, form)
        _attempt(
            request,
            lambda: operations.article_set_bylines(article=article, user=request.user, people=form.cleaned_data["people"]),
            gettext("Byline corrected."),
        )
    return _back(pk)


@require_POST
@desk_view
def continuation(request: HttpRequest, pk: int) -> HttpResponse:
    if (form := _posted(request, ContinuationForm)) is not None:
        article = _as_seen(pk, form)
        if form.cleaned_data["unlink"]:
            _attempt(request, lambda: operations.article_unlink_continuation(article=article, user=request.user),
                     gettext("Unlinked: it is a story of its own again."))
        elif form.cleaned_data["first"]:
            first = _article(form.cleaned_data["first"])
            _attempt(request, lambda: operations.article_join_continuation(article=article, user=request.user, first=first),
                     gettext("Joined as the later part."))
    return _back(pk, "#jump-from")


@require_POST
@desk_view
def zone(request: HttpRequest, pk: int) -> HttpResponse:
    if (form := _posted(request, ZoneForm)) is not None:
        article, box = _as_seen(pk, form), form.cleaned_data["zone"]
        _attempt(
            request, lambda: operations.article_set_zone(article=article, user=request.user, zone=box),
            gettext("Zone on the page cleared.") if box is None else gettext("Zone on the page saved."),
        )
    return _back(pk, "#zone")


@require_POST
@desk_view
def note(request: HttpRequest, pk: int) -> HttpResponse:
    if (form := _posted(request, NoteForm)) is not None:
        article = _article(pk)
        _attempt(request, lambda: services.note_add(article=article, user=request.user, text=form.cleaned_data["text"]), gettext("Note added."))
    return _back(pk, "#notes")


@require_POST
@desk_view
def mark(request: HttpRequest, pk: int) -> HttpResponse:
    if (form := _posted(request, MarkForm)) is not None:
        article, data = _article(pk), form.cleaned_data
        _attempt(
            request,
            lambda: services.mark_add(article=article, user=request.user, start=data["start"], end=data["end"], query=data["query"]),
            gettext("Mark added."),
        )
    return _back(pk, "#marks")


@require_POST
@desk_view
def mark_resolve(request: HttpRequest, pk: int, mark_id: int) -> HttpResponse:
    try:
        proof_mark = ProofMark.objects.select_related("article").get(pk=mark_id, article_id=pk)
    except ProofMark.DoesNotExist:
        raise Http404(gettext("No such mark.")) from None
    _attempt(request, lambda: services.mark_resolve(mark=proof_mark, user=request.user), gettext("Mark resolved."))
    return _back(pk, "#marks")


@require_GET
@desk_view
def history(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    context = {
        **admin.site.each_context(request),
        "title": gettext("History: %(article)s") % {"article": article},
        "article": article,
        "entries": article_history(article_id=article.pk),
        "editable": can_edit(request.user, article),
    }
    return render(request, "editorial/history.html", context)


@require_POST
@desk_view
def restore(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    if (form := _posted(request, SeenVersionForm)) is not None:
        article = _as_seen(pk, form)
        _attempt(request, lambda: services.article_revert(article=article, user=request.user, version_id=version_id), gettext("Revision restored."))
    return HttpResponseRedirect(reverse("editorial:history", args=[pk]))


@require_POST
@desk_view
def screening_override(request: HttpRequest, pk: int) -> HttpResponse:
    if (form := _posted(request, OverrideForm)) is not None:
        article, note = _article(pk), form.cleaned_data["note"]
        _attempt(
            request, lambda: services.article_override_screening(article=article, user=request.user, note=note),
            str(OverrideForm.done),
        )
    return _back(pk, "#screening")
