"""The 数字报's template tags."""

from __future__ import annotations

from datetime import date

from public.selectors import CalendarDay, IssueCalendar
from public.templatetags.edition import calendar_weeks


def test_calendar_weeks_link_the_issue_days_mark_the_current_one_and_pad_the_edges():
    day = date(2024, 8, 6)
    weeks = [[None, CalendarDay(date(2024, 8, 1)), CalendarDay(day, '/p/2024-08-06/?a=1&b="2"')]]
    html = calendar_weeks(IssueCalendar(month=date(2024, 8, 1), weeks=weeks, previous=None, following=None), day)
    assert html == ('<tr><td></td><td><span class="no-issue">1</span></td>'
                    '<td><a href="/p/2024-08-06/?a=1&amp;b=&quot;2&quot;" aria-current="date">6</a></td></tr>')
    assert 'aria-current' not in calendar_weeks(IssueCalendar(date(2024, 8, 1), weeks, None, None))
