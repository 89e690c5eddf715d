"""The e-paper (数字报): a publication's latest front, an issue's pages and 往期
calendar, and each printed page as printed. Only published stories; an issue or
page with nothing published is a 404, like one that does not exist."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import get_script_prefix
from django.utils.translation import pgettext_lazy

from articles.models import Publication
from public import pagecache
from public.selectors import IssueCalendar, issue_front, latest_issue, month_calendar, printed_issue
from public.views import public_page

# The 往期 calendar's columns, Monday first.
WEEKDAYS = [
    pgettext_lazy("calendar", "Mo"), pgettext_lazy("calendar", "Tu"), pgettext_lazy("calendar", "We"),
    pgettext_lazy("calendar", "Th"), pgettext_lazy("calendar", "Fr"), pgettext_lazy("calendar", "Sa"),
    pgettext_lazy("calendar", "Su"),
]


@public_page
def publication_front(request: HttpRequest, publication: str) -> HttpResponse:
    """/<publication>/: its latest issue as its front page shows it."""
    found = get_object_or_404(Publication, slug=publication)
    issue = latest_issue(found)
    front = issue_front(issue) if issue is not None else None
    if front is None:
        raise Http404("nothing of this publication is published yet")
    return render(request, "public/publication.html", {"front": front})


def _edition_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Http404("no such date") from None


@public_page
def issue_detail(request: HttpRequest, publication: str, day: str) -> HttpResponse:
    """One day's paper: 版面导航 (every page with its headlines) and the 往期 calendar of its month."""
    printed = printed_issue(publication, _edition_day(day))
    if printed is None:
        raise Http404("no such issue, or nothing of it is published")
    issue, pages = printed
    return render(request, "public/issue.html", {
        "issue": issue, "pages": pages,
        "calendar": _calendar(issue.publication, issue.edition_date), "weekdays": WEEKDAYS,
    })


@public_page
def issue_calendar(request: HttpRequest, publication: str, month: str) -> HttpResponse:
    """往期: a month of a publication's issues."""
    found = get_object_or_404(Publication, slug=publication)
    first = _edition_day(f"{month}-01")
    calendar = _calendar(found, first)
    if calendar is None:
        raise Http404("no issue that month")
    return render(request, "public/issue_calendar.html", {
        "publication": found, "calendar": calendar, "weekdays": WEEKDAYS,
    })


def _calendar(publication: Publication, month: date) -> IssueCalendar | None:
    """month_calendar, read once per change of the publication's issues (any change of what
    they print bumps the publication's scope; a rename or removal, every scope), per script
    prefix: its addresses carry /hant/ or not."""
    first = month.replace(day=1)
    key = ("calendar", get_script_prefix(), publication.pk, publication.slug, first)
    return pagecache.kept(key, [f"publication:{publication.slug}"], lambda: month_calendar(publication, first))


@public_page
def edition_page(request: HttpRequest, publication: str, day: str, number: str) -> HttpResponse:
    """A printed page (版) as printed: its stories in printed order, its picture with a
    link on each story's zone, 上一版/下一版 and the issue's other pages."""
    found = printed_issue(publication, _edition_day(day))
    if found is None:
        raise Http404("no such issue, or nothing of it is published")
    issue, pages = found
    at = next((i for i, printed in enumerate(pages) if printed.page.number == int(number)), None)
    if at is None:
        raise Http404("no such page, or nothing on it is published")
    printed = pages[at]
    if number != printed.page.number_label:  # 002 for 02: one address per page
        return redirect(printed.page.get_absolute_url(), permanent=True)
    return render(request, "public/edition_page.html", {
        "issue": issue, "printed": printed, "pages": pages,
        "previous": pages[at - 1] if at > 0 else None,
        "following": pages[at + 1] if at + 1 < len(pages) else None,
        "zones": [a for a in printed.articles if a.zone] if printed.page.image else [],
    })
