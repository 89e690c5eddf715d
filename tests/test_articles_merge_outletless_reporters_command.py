"""merge_outletless_reporters: reporters stored without a paper join their namesake at the paper of their pages."""

from __future__ import annotations

from datetime import date
from io import StringIO

from django.core.management import call_command

from articles.models import Article, Byline, Issue, Publication, Reporter, SourcePage


def _credit(reporter: Reporter, *, outlet: str = "", publication: str = "") -> Article:
    n = SourcePage.objects.count() + 1
    issue = None
    if publication:
        paper, _ = Publication.objects.get_or_create(name=publication, defaults={"slug": f"paper-{n}"})
        issue = Issue.objects.create(publication=paper, edition_date=date(2024, 1, n))
    page = SourcePage.objects.create(file_name=f"{n}.txt", sha256=f"{n:064d}", raw_text="", outlet=outlet, issue=issue)
    article = Article.objects.create(source_page=page, position=1, span_start=0, span_end=1, title="题", body="文。")
    Byline.objects.create(article=article, reporter=reporter, position=1)
    return article


def _merge(*args: str) -> str:
    out = StringIO()
    call_command("merge_outletless_reporters", *args, stdout=out)
    return out.getvalue()


def test_an_outletless_reporter_on_its_papers_pages_joins_its_namesake_there(db):
    printed = Reporter.objects.create(name="林海", outlet="青岛日报", slug="linhai")
    bare = Reporter.objects.create(name="林海", slug="linhai-2")
    # The paper named by the page's outlet, or by the page's publication when the page names none.
    on_pages = [_credit(bare, outlet="青岛日报"), _credit(bare, publication="青岛日报")]

    assert "linhai-2 → linhai" in _merge("--dry-run")
    assert Reporter.objects.filter(pk=bare.pk).exists()

    _merge()

    assert not Reporter.objects.filter(pk=bare.pk).exists()
    assert {b.reporter_id for a in on_pages for b in a.bylines.all()} == {printed.pk}


def test_an_outletless_reporter_on_two_papers_pages_or_of_no_paper_is_left_to_the_editors(db):
    Reporter.objects.create(name="林海", outlet="青岛日报", slug="linhai")
    Reporter.objects.create(name="林海", outlet="大众日报", slug="linhai-3")
    two = Reporter.objects.create(name="林海", slug="linhai-2")
    _credit(two, outlet="青岛日报")
    _credit(two, outlet="大众日报")
    Reporter.objects.create(name="王浩", outlet="青岛日报", slug="wanghao")
    unplaced = Reporter.objects.create(name="王浩", slug="wanghao-2")
    _credit(unplaced)

    assert "→" not in _merge()
    assert Reporter.objects.filter(pk__in=[two.pk, unplaced.pk]).count() == 2
