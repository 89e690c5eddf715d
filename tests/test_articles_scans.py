"""A page's picture and PDF, imported from NN.jpg / NN.png / NN.pdf beside NN.txt."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from articles import signals
from articles.models import Article, SourcePage
from articles.services.scans import is_page_scan, page_scan_files, page_scans_attach
from tests.seedpages import copy_seed, seed_name

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    # Stored names are asserted: no file of another test may hold them.
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def quiet(monkeypatch):
    monkeypatch.setattr(signals, "send_changed", lambda article_ids: None)


def test_scans_are_the_files_with_the_page_files_stem(tmp_path):
    page = copy_seed("002", tmp_path)
    (page.with_suffix(".JPG")).write_bytes(b"\xff\xd8\xff")
    (page.with_suffix(".png")).write_bytes(b"\x89PNG")
    (page.with_suffix(".pdf")).write_bytes(b"%PDF-1.4")
    (page.parent / "02-要闻.pdf").write_bytes(b"%PDF-1.4")  # another page's, whose text is missing

    found = page_scan_files(page)

    assert found["image"].suffix == ".JPG"  # a JPEG before a PNG, whatever the case of its suffix
    assert found["pdf"] == page.with_suffix(".pdf")
    assert is_page_scan(page.with_suffix(".pdf")) and not is_page_scan(page.parent / "02-要闻.pdf")


def test_a_scan_may_be_named_by_the_pages_number_only(tmp_path):
    page = copy_seed("002", tmp_path)  # 01-要闻.txt
    (page.parent / "01.pdf").write_bytes(b"%PDF-1.4")
    (page.parent / "01.png").write_bytes(b"\x89PNG")
    (page.with_suffix(".jpg")).write_bytes(b"\xff\xd8\xff")
    (page.parent / "02.pdf").write_bytes(b"%PDF-1.4")  # no page 02 here

    found = page_scan_files(page)

    assert found == {"image": page.with_suffix(".jpg"), "pdf": page.parent / "01.pdf"}  # the whole stem first
    assert is_page_scan(page.parent / "01.png") and not is_page_scan(page.parent / "02.pdf")


def test_import_seeds_stores_a_pages_picture_and_pdf_and_skips_them_as_pages(quiet, tmp_path):
    page = copy_seed("002", tmp_path)
    page.with_suffix(".jpg").write_bytes(b"\xff\xd8\xff first")
    page.with_suffix(".pdf").write_bytes(b"%PDF-1.4 first")
    out = StringIO()

    call_command("import_seeds", str(tmp_path), stdout=out)

    source = SourcePage.objects.get(file_name=seed_name("002"))
    assert source.image.name == "pages/qingdao-ribao/2024-08-06/01-要闻.jpg"
    assert source.pdf.name == "pages/qingdao-ribao/2024-08-06/01-要闻.pdf"
    assert source.image.read() == b"\xff\xd8\xff first"
    assert "skipped" not in out.getvalue()


def test_importing_again_keeps_the_same_scan_and_replaces_a_changed_one(quiet, tmp_path):
    page = copy_seed("002", tmp_path)
    page.with_suffix(".png").write_bytes(b"\x89PNG first")
    call_command("import_seeds", str(tmp_path), stdout=StringIO())
    source = SourcePage.objects.get(file_name=seed_name("002"))
    first_name = source.image.name

    assert page_scans_attach(source=source, path=page) == []  # same bytes: nothing written, nothing bumped

    page.with_suffix(".png").write_bytes(b"\x89PNG second")
    call_command("import_seeds", str(tmp_path), stdout=StringIO())
    source.refresh_from_db()
    assert source.image.name == first_name and source.image.read() == b"\x89PNG second"
    assert not source.pdf


def test_a_dry_run_stores_no_scan(quiet, tmp_path):
    page = copy_seed("002", tmp_path)
    page.with_suffix(".jpg").write_bytes(b"\xff\xd8\xff")
    call_command("import_seeds", str(tmp_path), "--dry-run", stdout=StringIO())
    assert not SourcePage.objects.exists()


@pytest.mark.parametrize("zone", [
    {"x": 0.1, "y": 0.2},  # not a box
    {"x": 0.1, "y": 0.2, "w": 1.5, "h": 0.1},  # not a fraction
    {"x": 0.8, "y": 0.2, "w": 0.5, "h": 0.1},  # off the page
    {"x": "0.1", "y": 0.2, "w": 0.5, "h": 0.1},
    [0.1, 0.2, 0.3, 0.4],
])
def test_a_zone_is_a_box_within_the_page(source_page, zone):
    article = Article(source_page=source_page, position=1, span_start=0, span_end=1, title="稿件", zone=zone)
    with pytest.raises(ValidationError) as failed:
        article.full_clean()
    assert "zone" in failed.value.message_dict


def test_a_zone_within_the_page_is_valid(source_page):
    article = Article(source_page=source_page, position=1, span_start=0, span_end=1, title="稿件",
                      zone={"x": 0, "y": 0.5, "w": 1, "h": 0.5})
    article.full_clean()
