"""The 数字报's template tags."""

from __future__ import annotations

from datetime import date

from public.selectors import CalendarDay, IssueCalendar
from public.templatetags.edition import calendar_weeks, headline_links, headlines


def test_calendar_weeks_link_the_issue_days_mark_the_current_one_and_pad_the_edges():
    day = date(2024, 8, 6)
    weeks = [[None, CalendarDay(date(2024, 8, 1)), CalendarDay(day, '/p/2024-08-06/?a=1&b="2"')]]
    html = calendar_weeks(IssueCalendar(month=date(2024, 8, 1), weeks=weeks, previous=None, following=None), day)
    assert html == ('<tr><td></td><td><span class="no-issue">1</span></td>'
                    '<td><a href="/p/2024-08-06/?a=1&amp;b=&quot;2&quot;" aria-current="date">6</a></td></tr>')
    assert 'aria-current' not in calendar_weeks(IssueCalendar(date(2024, 8, 1), weeks, None, None))


def test_headline_lists_escape_each_entry_and_lead_a_continued_part_to_its_story():
    from articles.models import Article, SourcePage

    page = SourcePage(pk=7, file_name="p.txt", number=0)
    story = Article(pk=1, slug="a", title="<青岛>", kicker="引&题", source_page=page)
    part = Article(pk=2, slug="b", title="", body="续", continuation_of=story, source_page=page)
    part.continuation_of_id = 1
    html = headlines([story, part])
    assert html.count('<li class="headline-stack">') == 2 and "&lt;青岛&gt;" in html and "引&amp;题" in html
    assert html.rindex('href="' + story.get_absolute_url()) > html.index("</li>")  # the part links its story
    assert headline_links([story]) == f'<li><a href="{story.get_absolute_url()}">&lt;青岛&gt;</a></li>'
