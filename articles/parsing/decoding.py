"""Turn the bytes of a page file into text, or refuse them with a reason.

Newspaper archives mix UTF-8 with legacy GB2312/GBK/GB18030 files, so a file
that is not UTF-8 is tried as GB18030 (a superset of both) before it is
refused; the caller is told so it can warn.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .records import PageRejected

MAX_BYTES = 5 * 1024 * 1024
# Share of the decoded characters that may be control characters before we
# call the file binary; tabs and newlines are not counted.
MAX_CONTROL_SHARE = 0.01
# A GB18030 decode "succeeds" on much binary junk; real Chinese text is mostly
# CJK ideographs, ASCII and punctuation.
MIN_PLAUSIBLE_SHARE = 0.9


@dataclass(frozen=True)
class DecodedPage:
    file_name: str
    text: str
    encoding: str
    sha256: str
    warnings: tuple[str, ...] = ()


def read_page(path: str | Path) -> DecodedPage:
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PageRejected(name, f"cannot read file ({exc.strerror})") from exc
    if size > MAX_BYTES:
        raise PageRejected(name, f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit")
    return decode_page(name, path.read_bytes())


def decode_page(file_name: str, data: bytes) -> DecodedPage:
    if len(data) > MAX_BYTES:
        raise PageRejected(file_name, f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit")
    if not data.strip():
        raise PageRejected(file_name, "file is empty")
    if b"\x00" in data:
        raise PageRejected(file_name, "file is binary (contains NUL bytes), not text")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise PageRejected(
                file_name, f"not UTF-8 or GB18030 text (undecodable byte at offset {exc.start})"
            ) from exc
        if not _plausible_text(text):
            raise PageRejected(file_name, "not UTF-8 text, and not plausible GB18030 text either")
        encoding = "gb18030"
        warnings.append("file is not UTF-8; decoded as GB18030 (GBK/GB2312 compatible)")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise PageRejected(file_name, "file looks binary (too many control characters)")
    text = normalise_newlines(text)
    if not text.strip():
        raise PageRejected(file_name, "file is empty")
    return DecodedPage(
        file_name=file_name,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=tuple(warnings),
    )


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def _plausible_text(text: str) -> bool:
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return False
    good = sum(
        1
        for ch in visible
        if ch.isascii() and ch.isprintable()
        or "\u4e00" <= ch <= "\u9fff"
        or unicodedata.category(ch).startswith("P")
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
    )
    return good / len(visible) >= MIN_PLAUSIBLE_SHARE
