"""editorial.templatetags.desk_format: stored values as an editor reads them."""

from __future__ import annotations

from django.utils.translation import override

from editorial.templatetags.desk_format import dateline_day


def test_a_dateline_without_a_year_reads_as_month_and_day():
    with override("zh-hans"):
        assert dateline_day("--10-10") == "10月10日"
        assert dateline_day("--02-29") == "02月29日"  # Django's zh_Hans MONTH_DAY_FORMAT, m月j日
    with override("en"):
        assert dateline_day("--10-10") == "October 10"


def test_a_full_date_and_a_stray_value():
    with override("zh-hans"):
        assert dateline_day("2025-02-28") == "2025年2月28日"
    assert dateline_day("--13-40") == "--13-40"
