"""Finding known names (entities and their aliases) in text; imports nothing from Django."""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping


class NameFinder:
    """Finds the longest known name at each point of a text, left to right.

    Longest first, so 西海岸新区 is not also read as 西海岸, and 青岛港 is
    not read as 青岛.
    """

    def __init__(self, names: Mapping[str, Hashable]):
        self.names = dict(names)
        ordered = sorted(self.names, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def find(self, text: str) -> dict[Hashable, list[str]]:
        """{key: the names it was written as, in order of first appearance}, keys in order of first mention."""
        found: dict[Hashable, list[str]] = {}
        if self.pattern is None:
            return found
        for match in self.pattern.finditer(text):
            forms = found.setdefault(self.names[match.group()], [])
            if match.group() not in forms:
                forms.append(match.group())
        return found
