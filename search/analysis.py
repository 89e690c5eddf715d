"""Turning article text and reader queries into the same Chinese words.

Indexing and querying both segment with text.words (jieba + the
newsroom dictionary), so a word is found exactly when jieba sees it in the
text. The index holds more than the plain segmentation: cut_for_search adds
the 2- and 3-character dictionary words inside longer words (青岛市 ->
青岛), and index_tokens adds every longer dictionary word inside a long word
too (a 6-character place name yields 西海岸新区 and 新区 …), so a search for
the shorter word never misses because jieba chose the longer one.
"""

from __future__ import annotations

import functools

import jieba

from text import words
from text.scripts import to_simplified

# A reader's query is a few words; anything longer is pasted text. Cutting it
# here keeps segmentation and the SQL bounded whatever is sent.
MAX_QUERY_LENGTH = 100
MAX_QUERY_TOKENS = 12


def index_text(*parts: str) -> str:
    """The parts' words as stored in the index: space-separated, with a space at both ends.

    In simplified characters, as queries are (search.selectors): a page
    printed in traditional characters is found by a query in either script.
    """
    return " " + " ".join(token for part in parts for token in index_tokens(to_simplified(part))) + " "


def index_tokens(text: str) -> list[str]:
    """The words a text is found by, lower-cased, in reading order (repeats kept for ranking).

    Single characters are left out: they are most of the words and no search
    can use them (see query_tokens).
    """
    tokens: list[str] = []
    for token in words.cut_for_search(text):
        token = token.lower()
        if len(token) > 1 and _is_word(token):
            tokens.append(token)
            if len(token) > 3:
                tokens.extend(_words_inside(token))
    return tokens


def query_tokens(query: str) -> list[str]:
    """The query's words, segmented like the index, lower-cased, repeats dropped.

    One-character words are returned too: the index leaves them out, because
    一 or 区 alone is mostly part of a longer word (崂山区), so search.selectors
    drops them from a longer query and matches a query made only of them as
    substrings.
    """
    tokens = [t.lower() for t in words.cut(query[:MAX_QUERY_LENGTH]) if _is_word(t)]
    return list(dict.fromkeys(tokens))[:MAX_QUERY_TOKENS]


def _is_word(token: str) -> bool:
    # Punctuation and symbols are not searchable; they are also what FTS and
    # tsquery syntax is made of.
    return any(ch.isalnum() for ch in token)


@functools.lru_cache(maxsize=65536)
def _words_inside(token: str) -> tuple[str, ...]:
    # cut_for_search already adds the 2- and 3-character words; the longer
    # ones inside a long token come from jieba's dictionary itself.
    words.ensure_ready()
    n = len(token)
    return tuple(
        token[i:j]
        for size in range(4, n)
        for i in range(n - size + 1)
        if jieba.get_FREQ(token[i:(j := i + size)])
    )
