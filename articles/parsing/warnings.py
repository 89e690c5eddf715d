"""Import warnings as data: a code and its parameters, never a sentence.

The parser knows no Django and no language, so it says what it did as
``{"code": "rejoined_paragraphs", "params": {"count": 2}}``; that is stored
as is (JSON) in Article.warnings and SourcePage.parse_warnings, and
articles.warnings.warning_text() says it in the reader's language. A new
code needs its message there (a test checks every code has one).
"""

from __future__ import annotations

from typing import Any

WarningDict = dict[str, Any]  # {"code": str, "params": dict}, and "article" in an import report


def warning(code: str, **params: Any) -> WarningDict:
    return {"code": code, "params": params}


def about(warning: WarningDict, *, position: int, title: str) -> WarningDict:
    """The warning as a page's import report gives it: naming the article (#3 and its headline)."""
    return {**warning, "article": {"position": position, "title": title}}
