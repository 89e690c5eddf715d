"""The page parser: newspaper page text in, plain article records out.

This package imports nothing from Django (tests/test_parsing_isolation.py
proves it), so it can be run, tested and benchmarked on its own; the
persistence service in ``articles.services.importing`` stores its records.
"""

from .decoding import DecodedPage, decode_page, read_page
from .page import parse_page
from .records import ArticleRecord, Block, BylineRecord, PageRecord, PageRejected

__all__ = [
    "ArticleRecord",
    "Block",
    "BylineRecord",
    "DecodedPage",
    "PageRecord",
    "PageRejected",
    "decode_page",
    "parse_page",
    "read_page",
]
