"""Scoring the page parser against answer keys (``corpus/README.md``).

Django-free, like ``articles.parsing`` (tests/test_evaluation_isolation.py
proves it), so benchmarks and tools can run it without settings. The thin
``manage.py evaluate_parser`` command only finds the corpus and prints.

- ``normalise``: the one text normalisation used on both sides.
- ``corpus``: finding pages and answer keys, and which split each page is in.
- ``segmentation``: where the gold articles lie in the page text, and matching
  them to the parser's articles (correct / split / merged / missed / invented).
- ``fields``: the field checks on matched articles.
- ``scoring``: one page scored, pages summed; ``evaluate`` runs a corpus.
- ``report``: the text tables.

The metrics are defined in corpus/README.md ("Evaluation") and, exactly, in
the docstrings of ``segmentation``, ``fields`` and ``scoring``.
"""

from .corpus import CorpusPage, find_pages, load_key
from .fields import FIELD_CHECKS, check_fields
from .normalise import norm
from .report import format_failures, format_report
from .scoring import PageScore, Totals, evaluate, score_page
from .segmentation import locate_gold, match_articles

__all__ = [
    "FIELD_CHECKS",
    "CorpusPage",
    "PageScore",
    "Totals",
    "check_fields",
    "evaluate",
    "find_pages",
    "format_failures",
    "format_report",
    "load_key",
    "locate_gold",
    "match_articles",
    "norm",
    "score_page",
]
