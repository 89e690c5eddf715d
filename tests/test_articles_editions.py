"""articles.services.editions: edition facts from masthead, folders and options; their dates.

The resolution is pure (no database) and tested as such; the rest imports pages.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Issue, Publication, SourcePage
from articles.parsing import parse_page, read_page
from articles.services.editions import (
    FOLDER,
    MASTHEAD,
    OPTION,
    EditionOptions,
    dateline_iso,
    folder_facts,
    page_number,
    publication_name_from_outlet,
    publication_time,
    resolve_edition,
)
from articles.services.importing import REFUSED, collect_paths, page_import, pages_import
from articles import signals
from tests.seedpages import SEED_DIR, SEED_PREFIXES, copy_seed, flat_copy, seed_name, seed_path
from tests.english import english

SHANGHAI = ZoneInfo("Asia/Shanghai")


# --- pure: numbers, names, folders ----------------------------------------------


@pytest.mark.parametrize(
    ("label", "number"),
    [("第一版", 1), ("第二版", 2), ("第十版", 10), ("第十二版", 12), ("第二十一版", 21), ("第12版", 12),
     ("A01", 1), ("B12版", 12), ("03", 3), ("3", 3), ("", None), ("要闻", None), ("第版", None)],
)
def test_editions_page_number_reads_printed_labels(label, number):
    assert page_number(label) == number


@pytest.mark.parametrize(
    ("outlet", "name"),
    [("青岛日报/观海新闻", "青岛日报"), ("观海新闻/青岛晚报", "青岛晚报"), ("大众日报", "大众日报"), ("", ""), ("观海新闻", "观海新闻")],
)
def test_editions_publication_name_is_the_newspaper_in_the_outlet(outlet, name):
    assert publication_name_from_outlet(outlet) == name


def test_editions_folder_layout_gives_slug_date_number_and_name():
    assert folder_facts("x/qingdao-ribao/2024-07-26/01-要闻.txt") == ("qingdao-ribao", date(2024, 7, 26), 1, "要闻")
    assert folder_facts("qingdao-ribao/2024-07-26/12.txt") == ("qingdao-ribao", date(2024, 7, 26), 12, "")
    assert folder_facts("seeds/000_39ff26a37397bb84.txt") is None
    assert folder_facts("qingdao-ribao/2024-02-30/01.txt") is None  # no such day
    assert folder_facts("青岛日报/2024-07-26/01.txt") is None  # a slug is ASCII
    assert folder_facts("qingdao-ribao/2024-07-26/notes.txt") is None
    assert folder_facts(None) is None


# --- pure: resolve_edition -------------------------------------------------------


def test_editions_resolve_from_the_folder_layout():
    facts = resolve_edition(path="/data/qingdao-ribao/2024-07-26/01-要闻.txt")
    assert (facts.publication_slug, facts.edition_date, facts.number, facts.name, facts.label) == (
        "qingdao-ribao", date(2024, 7, 26), 1, "要闻", "第1版"
    )
    assert facts.file_name == "qingdao-ribao/2024-07-26/01-要闻.txt"
    assert facts.sources == {"publication": FOLDER, "edition_date": FOLDER, "number": FOLDER, "name": FOLDER}
    assert facts.has_issue and facts.warnings == []


def test_editions_masthead_comes_first_and_disagreements_are_warned():
    facts = resolve_edition(
        path="qingdao-ribao/2024-07-26/03-经济.txt", outlet="青岛日报/观海新闻",
        edition_date="2024-07-27", page_label="A02", page_name="财经",
    )
    assert (facts.publication_name, facts.publication_slug) == ("青岛日报", "qingdao-ribao")
    assert (facts.edition_date, facts.number, facts.label, facts.name) == (date(2024, 7, 27), 2, "A02", "财经")
    assert facts.sources == {"publication": MASTHEAD, "edition_date": MASTHEAD, "number": MASTHEAD, "name": MASTHEAD}
    assert any("2024-07-27 (masthead) used, not 2024-07-26 (folder)" in w for w in english(facts.warnings))
    assert any("number 2 (masthead) used, not 3 (folder)" in w for w in english(facts.warnings))


def test_editions_options_fill_what_page_and_folder_do_not_say():
    facts = resolve_edition(
        path="incoming/page.txt", options=EditionOptions(publication="qingdao-ribao", date="2024-07-26", page="第三版"),
    )
    assert (facts.publication_slug, facts.edition_date, facts.number, facts.label) == (
        "qingdao-ribao", date(2024, 7, 26), 3, "第三版"
    )
    assert facts.sources == {"publication": OPTION, "edition_date": OPTION, "number": OPTION}
    assert facts.file_name == "page.txt"

    by_name = resolve_edition(path="page.txt", options=EditionOptions(publication="青岛日报", date="2024-07-26"))
    assert (by_name.publication_name, by_name.publication_slug) == ("青岛日报", "")
    assert any("no page number" in w for w in english(by_name.warnings))


def test_editions_masthead_date_with_folder_publication():
    facts = resolve_edition(path="dazhong-ribao/2020-05-30/01.txt", edition_date="2020-05-30")
    assert facts.sources["publication"] == FOLDER and facts.sources["edition_date"] == MASTHEAD
    assert facts.warnings == []  # agreeing sources are not a disagreement


def test_editions_without_any_facts_the_page_has_no_issue_and_a_warning():
    facts = resolve_edition(path="000_39ff26a37397bb84.txt")
    assert not facts.has_issue and facts.edition_date is None and facts.number is None
    assert facts.file_name == "000_39ff26a37397bb84.txt"
    assert len(facts.warnings) == 1 and "imported without an issue" in english(facts.warnings)[0]

    outlet_only = resolve_edition(path="p.txt", outlet="青岛日报/观海新闻")
    assert outlet_only.has_publication and not outlet_only.has_issue
    assert "no edition date" in english(outlet_only.warnings)[0]


def test_editions_bad_date_option_is_ignored_with_a_warning():
    facts = resolve_edition(path="p.txt", options=EditionOptions(publication="x", date="26/07/2024"))
    assert facts.edition_date is None
    assert any("not YYYY-MM-DD" in w for w in english(facts.warnings))


# --- pure: the dates an edition gives --------------------------------------------


@pytest.mark.parametrize(
    ("month", "day", "edition", "iso"),
    [
        (10, 10, date(2023, 10, 11), "2023-10-10"),
        (10, 11, date(2023, 10, 11), "2023-10-11"),
        (12, 30, date(2024, 1, 2), "2023-12-30"),  # a December dateline in a January issue
        (12, 31, date(2024, 12, 31), "2024-12-31"),
        (1, 1, date(2024, 12, 31), "2024-01-01"),  # months before the issue: same year
        (2, 29, date(2025, 3, 1), "2024-02-29"),  # no 2月29日 in 2025: the leap year before
        (7, 25, None, "--07-25"),
        (None, None, date(2024, 7, 26), ""),
    ],
)
def test_editions_dateline_gets_the_year_of_its_issue(month, day, edition, iso):
    assert dateline_iso(month, day, edition) == iso


def test_editions_publication_time_is_six_in_the_morning_local():
    assert publication_time(date(2024, 7, 26)) == datetime(2024, 7, 26, 6, 0, tzinfo=SHANGHAI)
    assert publication_time(None) is None


# --- importing with editions --------------------------------------------------------


@pytest.fixture
def quiet(monkeypatch):
    # Listeners (search, linking, cache) have their own tests.
    monkeypatch.setattr(signals, "send_changed", lambda article_ids: None)


@pytest.mark.django_db
def test_editions_seeds_import_with_their_publications_issues_and_pages(quiet):
    report = pages_import(paths=collect_paths([SEED_DIR]))

    assert not report.refused
    assert dict(Publication.objects.values_list("slug", "name")) == {
        "qingdao-ribao": "青岛日报", "qingdao-wanbao": "青岛晚报", "dazhong-ribao": "大众日报",
    }
    pages = {
        p.file_name: (p.issue.publication.slug, p.issue.edition_date.isoformat(), p.number, p.name, p.page_label)
        for p in SourcePage.objects.select_related("issue__publication")
    }
    assert pages == {
        seed_name("000"): ("qingdao-ribao", "2023-10-11", 1, "要闻", "第1版"),
        seed_name("001"): ("qingdao-wanbao", "2022-09-05", 1, "城区", "第1版"),
        seed_name("002"): ("qingdao-ribao", "2024-08-06", 1, "要闻", "第1版"),
        seed_name("003"): ("qingdao-ribao", "2025-02-28", 2, "要闻", "第2版"),
        seed_name("004"): ("dazhong-ribao", "2020-05-30", 1, "青岛新闻", "第1版"),
    }
    assert Issue.objects.count() == 5
    assert [r.edition for r in report.results][0] == "大众日报 2020-05-30 第1版 青岛新闻"
    red_cross = Article.objects.get(title__startswith="中国红十字(山东)")
    assert red_cross.dateline_date == "2023-10-10"


@pytest.mark.django_db
def test_editions_the_same_file_imported_twice_is_one_page(quiet, tmp_path):
    pages_import(paths=[copy_seed("000", tmp_path / "a")])
    again = pages_import(paths=collect_paths([tmp_path / "a" / "qingdao-ribao"])).results[0]

    assert again.status == "unchanged"
    assert SourcePage.objects.count() == 1 and Issue.objects.count() == 1


@pytest.mark.django_db
def test_editions_a_page_moved_into_the_layout_is_the_same_page(quiet, tmp_path):
    """A database that imported seeds/000_….txt before the seeds were laid out by edition."""
    old = flat_copy("000", tmp_path / "old", name="000_39ff26a37397bb84.txt")
    pages_import(paths=[old])
    ids = sorted(Article.objects.values_list("pk", flat=True))
    assert SourcePage.objects.get().issue is None

    result = pages_import(paths=[copy_seed("000", tmp_path / "new")]).results[0]

    assert result.status == "updated" and result.articles_unchanged == 6
    page = SourcePage.objects.get()
    assert page.file_name == seed_name("000") and page.issue.edition_date == date(2023, 10, 11)
    assert sorted(Article.objects.values_list("pk", flat=True)) == ids


@pytest.mark.django_db
def test_editions_another_file_claiming_the_same_page_is_refused(quiet, tmp_path):
    pages_import(paths=[copy_seed("000", tmp_path)])
    other = tmp_path / "qingdao-ribao" / "2023-10-11" / "01-头版.txt"
    other.write_bytes(seed_path("002").read_bytes())

    result = pages_import(paths=[other]).results[0]

    assert result.status == REFUSED
    assert "page 1 of 青岛日报 2023-10-11 is already imported from" in result.error
    assert SourcePage.objects.count() == 1


@pytest.mark.django_db
def test_editions_masthead_facts_win_over_the_folder(quiet):
    page = dataclasses.replace(
        parse_page(read_page(seed_path("002"))),
        file_name="qingdao-ribao/2024-08-06/01-要闻.txt", edition_date="2024-08-06", page_label="第三版",
    )
    result = page_import(page=page)

    source = SourcePage.objects.get()
    assert (source.number, source.page_label, source.name) == (3, "第三版", "要闻")
    assert any("number 3 (masthead) used, not 1 (folder)" in w for w in english(result.warnings))


@pytest.mark.django_db
def test_editions_a_page_without_facts_imports_as_before_with_a_warning(quiet, tmp_path):
    result = pages_import(paths=[flat_copy("000", tmp_path)]).results[0]

    assert result.status == "created" and result.edition == ""
    assert any("imported without an issue" in w for w in english(result.warnings))
    source = SourcePage.objects.get()
    assert source.issue is None and source.number is None and source.edition_date is None
    assert Article.objects.get(title__startswith="中国红十字(山东)").dateline_date == "--10-10"


@pytest.mark.django_db
def test_editions_command_options_give_a_flat_file_its_edition(quiet, tmp_path):
    path = flat_copy("000", tmp_path)
    out = StringIO()

    call_command("import_seeds", str(path), "--publication", "qingdao-ribao", "--date", "2023-10-11", "--page", "3",
                 "--publish", stdout=out)

    source = SourcePage.objects.select_related("issue__publication").get()
    assert (source.issue.publication.slug, source.issue.edition_date, source.number) == ("qingdao-ribao", date(2023, 10, 11), 3)
    assert source.issue.publication.name == "青岛日报"  # the masthead's outlet names the new publication
    assert "青岛日报 2023-10-11 第3版" in out.getvalue()
    article = Article.objects.get(title__startswith="中国红十字(山东)")
    assert timezone_local(article.published_at) == datetime(2023, 10, 11, 6, 0, tzinfo=SHANGHAI)
    assert article.get_absolute_url().startswith("/articles/2023/10/11/")


@pytest.mark.django_db
def test_editions_page_option_needs_a_single_file(quiet, tmp_path):
    with pytest.raises(CommandError, match="--page"):
        call_command("import_seeds", str(flat_copy("000", tmp_path)), str(flat_copy("001", tmp_path)), "--page", "1",
                     stdout=StringIO())


@pytest.mark.django_db
def test_editions_import_seeds_walks_nested_folders_and_skips_what_is_not_a_page(quiet, tmp_path):
    root = tmp_path / "seeds"
    for prefix in SEED_PREFIXES:
        copy_seed(prefix, root)
    (root / "README").write_text("how the dates were inferred", encoding="utf-8")
    (root / "qingdao-ribao" / "2023-10-11" / "01-要闻.json").write_text("{}", encoding="utf-8")
    (root / "qingdao-ribao" / "2023-10-11" / "01-要闻.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text("hidden", encoding="utf-8")
    out, err = StringIO(), StringIO()

    call_command("import_seeds", str(root), "--json", stdout=out, stderr=err)

    report = json.loads(out.getvalue())
    assert sorted(p["file"] for p in report["pages"]) == sorted(seed_name(p) for p in SEED_PREFIXES)
    # The picture of a page (same stem as its text) is imported with it, not skipped.
    assert sorted(Path(p).name for p in report["skipped"]) == ["01-要闻.json", "README"]
    assert SourcePage.objects.get(file_name="qingdao-ribao/2023-10-11/01-要闻.txt").image.name.endswith("01-要闻.png")
    assert "已跳过（不是 *.txt 版面文件）" in err.getvalue() and "README" in err.getvalue()
    assert SourcePage.objects.count() == 5
    assert not SourcePage.objects.filter(file_name__contains="notes").exists()


def test_editions_the_committed_seeds_folder_holds_only_pages_and_its_readme():
    skipped: list[Path] = []
    pages = collect_paths([SEED_DIR], skipped=skipped)
    assert sorted(p.relative_to(SEED_DIR).as_posix() for p in pages) == sorted(seed_name(p) for p in SEED_PREFIXES)
    assert [p.name for p in skipped] == ["README"]


def timezone_local(moment: datetime) -> datetime:
    return moment.astimezone(SHANGHAI)
