"""Finding known names (entities and their aliases) in text; imports nothing from Django."""

from __future__ import annotations

import re
from collections.abc import Collection, Hashable, Iterator, Mapping

# Chinese names a road, an organ of the party or government, a newspaper …
# by putting a generic word right after a place name (即墨路, 平度市委,
# 青岛日报), and a school or hospital by a few words more (青岛农业大学,
# 青岛市第八人民医院). Such a name is that road or body, not the place. Only
# words that end a name are listed (路, but not 站: 平度站在新起点上).
_RIGHT_AFTER = ("路", "街", "大街", "大道", "巷", "胡同", "委", "市委", "区委", "县委", "省委",
                "市政府", "区政府", "县政府", "日报", "晚报", "电视台", "广播电视台", "机场", "海关")
_INSTITUTIONS = ("大学", "学院", "中学", "小学", "幼儿园", "医院", "银行")
# The few words between: not across a sentence's punctuation or the words that
# join two phrases (青岛的中学, 青岛和平度的医院 are the place's).
_BETWEEN = r"[^\s\W的和与及或在是有对从向把被等将]{0,6}?"
_LONGER_NAME = re.compile(
    "|".join(sorted(_RIGHT_AFTER, key=len, reverse=True)) + f"|{_BETWEEN}(?:{'|'.join(_INSTITUTIONS)})"
)


class NameFinder:
    """Finds the longest known name at each point of a text, left to right.

    Longest first, so 西海岸新区 is not also read as 西海岸, and 青岛港 is
    not read as 青岛. A place (a key in `places`) that begins a longer name
    (即墨路, 青岛农业大学, 青岛市委) is not a mention of it.
    """

    def __init__(self, names: Mapping[str, Hashable], *, places: Collection[Hashable] = ()):
        self.names = dict(names)
        self.places = set(places)
        ordered = sorted(self.names, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def matches(self, text: str) -> Iterator[tuple[re.Match, Hashable]]:
        """Each mention in text, left to right, with its key."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            key = self.names[match.group()]
            if key in self.places and _LONGER_NAME.match(text, match.end()):
                continue
            yield match, key

    def find(self, text: str) -> dict[Hashable, list[str]]:
        """{key: the names it was written as, in order of first appearance}, keys in order of first mention."""
        found: dict[Hashable, list[str]] = {}
        for match, key in self.matches(text):
            forms = found.setdefault(key, [])
            if match.group() not in forms:
                forms.append(match.group())
        return found
