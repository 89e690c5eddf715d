"""articles.parsing.script: telling a page in traditional characters from a simplified one."""

from __future__ import annotations

from articles.parsing.script import SIMPLIFIED, TRADITIONAL, is_traditional
from text.scripts import to_simplified


def test_the_telling_characters_are_pairs_of_the_two_scripts():
    assert len(TRADITIONAL) == len(SIMPLIFIED)
    assert to_simplified(TRADITIONAL) == SIMPLIFIED
    assert all(t != s for t, s in zip(TRADITIONAL, SIMPLIFIED))


def test_a_traditional_page_is_told_from_a_simplified_one():
    assert is_traditional("行政院長張三昨日由滬抵京，即赴官邸晤李四，商談時局問題。中央社南京電。國民大會開會。")
    assert not is_traditional("行政院长张三昨日由沪抵京，即赴官邸晤李四，商谈时局问题。中央社南京电。国民大会开会。")


def test_a_page_with_too_few_telling_characters_is_not_traditional():
    assert not is_traditional("張三")
    assert not is_traditional("")
