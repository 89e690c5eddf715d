"""editorial.selectors: the history's character-level, side-by-side diffs."""

from __future__ import annotations

from editorial.selectors import body_diff, char_diff


def test_char_diff_marks_the_changed_characters_and_escapes_the_rest():
    assert char_diff("青岛的电商<b>", "青岛地电商<b>") == ("青岛<del>的</del>电商&lt;b&gt;", "青岛<ins>地</ins>电商&lt;b&gt;")
    assert char_diff("", "新") == ("", "<ins>新</ins>")


def test_body_diff_leaves_out_unchanged_paragraphs_and_pairs_the_changed_ones():
    old = "第一段。\n\n第二段。\n\n第三段。\n\n第四段。"
    new = "第一段。\n\n第二段。\n\n第三段，改过。\n\n第四段。\n\n新的第五段。"
    before, after = body_diff(old, new)
    assert before.startswith('<span class="quiet">（2 段未改动）</span>')
    assert "\n\n第三段。\n\n" in before and "第三段<ins>，改过</ins>。" in after
    assert after.endswith("<ins>新的第五段。</ins>") and "第一段" not in after
