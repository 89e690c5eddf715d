"""Names jieba guesses in text that nobody has confirmed yet; imports nothing from Django."""

from __future__ import annotations

from collections.abc import Iterable

from linking.keywords import is_tag_word

PERSON, PLACE, ORGANISATION = "person", "place", "organisation"
# jieba part-of-speech flags for names: nr/nrfg person, ns place, nt organisation.
KIND_BY_FLAG = {"nr": PERSON, "nrfg": PERSON, "ns": PLACE, "nt": ORGANISATION}


def unknown_names(
    tagged: Iterable[tuple[str, str]], *, known: Iterable[str], exclude: Iterable[str] = ()
) -> dict[str, str]:
    """{name: kind} for names jieba tags as people, places or organisations.

    Names already known (and their parts: 西海岸 of 西海岸新区) and excluded
    names (the reporters in the byline) are left out. Person names longer
    than four characters are almost always jieba joining a name to the next word.
    """
    known = list(known)
    skip = set(exclude) | set(known)
    found: dict[str, str] = {}
    for word, flag in tagged:
        kind = KIND_BY_FLAG.get(flag)
        if kind is None or word in found or word in skip or not is_tag_word(word):
            continue
        if kind == PERSON and len(word) > 4:
            continue
        if any(word in name for name in known):
            continue
        found[word] = kind
    return found
