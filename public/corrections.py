"""Corrections for readers: the archive of published corrections, and the 纠错 form readers report errors with."""

from __future__ import annotations

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from articles.models import Article
from public.forms import ReaderReportForm
from public.scripts import in_reader_script
from public.selectors import public_corrections
from public.services import reader_report_create
from public.views import PER_PAGE, public_page

REPORTS_PER_HOUR = 5  # per address: enough for a reader, too few to flood the desk
RATE_SECONDS = 60 * 60


@public_page
def corrections(request: HttpRequest) -> HttpResponse:
    return render(request, "public/corrections.html", {
        "page_obj": Paginator(public_corrections(), PER_PAGE).get_page(request.GET.get("page")),
    })


@require_http_methods(["GET", "HEAD", "POST"])
def report_error(request: HttpRequest, pk: int) -> HttpResponse:
    """The 纠错 form of one published article. Not page-cached: it carries a CSRF token."""
    return in_reader_script(request, _report_error(request, pk))


def _report_error(request: HttpRequest, pk: int) -> HttpResponse:
    article = Article.objects.published().filter(pk=pk).first()
    if article is None:
        raise Http404("no such published article")
    form = ReaderReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if _over_rate(request):
            return render(request, "public/report.html", {"article": article, "limited": True}, status=429)
        if form.is_valid():
            reader_report_create(article=article, **form.cleaned_data)
            return render(request, "public/report.html", {"article": article, "sent": True})
    return render(request, "public/report.html", {"article": article, "form": form})


def _over_rate(request: HttpRequest) -> bool:
    """Count this POST against its address; True past REPORTS_PER_HOUR in the hour since its first."""
    # Hashed: the cache holds no readers' addresses.
    address = hashlib.sha256(client_address(request).encode()).hexdigest()
    key = f"newsroom:reports:{address}"
    cache.add(key, 0, RATE_SECONDS)
    try:
        return cache.incr(key) > REPORTS_PER_HOUR
    except ValueError:  # expired between add and incr: a new hour
        cache.add(key, 1, RATE_SECONDS)
        return False


def client_address(request: HttpRequest) -> str:
    """The reader's address: REMOTE_ADDR, or behind NEWSROOM_TRUSTED_PROXY_COUNT proxies of
    ours, the address the farthest of them was reached from.

    Each proxy appends to X-Forwarded-For the address it was reached from, so the
    last N entries are our proxies' own words; anything left of them the client
    wrote and may have made up. A request with fewer entries did not pass every
    proxy (or they are set up otherwise): REMOTE_ADDR, which no client can forge.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.NEWSROOM_TRUSTED_PROXY_COUNT
    if not count:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:  # not an address: a proxy that writes something else is not one of ours
        return remote
