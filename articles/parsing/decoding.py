"""Turn the bytes of a page file into text, or refuse them with a reason.

Newspaper archives mix UTF-8 with legacy GB2312/GBK/GB18030 files, so a file
that is not UTF-8 is tried as GB18030 (a superset of both) before it is
refused; the caller is told so it can warn. Files saved by Windows tools
("Unicode" in Notepad, Word's plain-text export) are often UTF-16, with or
without a byte-order mark: those are recognised by their BOM or by the NUL
bytes every ASCII character (newlines included) carries, and decoded with a
warning too.

A file name that is not valid UTF-8 (an archive copied from an old GBK
system) reaches Python as a str with lone surrogates, which no database can
store: it is made printable (GB18030 when that reads as text, else the bad
bytes written as \\xNN) and the caller is warned.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .records import PageRejected
from .warnings import WarningDict, warning

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
    warnings: tuple[WarningDict, ...] = ()


# Share of the even (BE) or odd (LE) bytes that must be NUL before BOM-less
# data is tried as UTF-16: ASCII and newlines carry a NUL, CJK does not.
MIN_UTF16_NUL_SHARE = 0.02
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def read_page(path: str | Path | bytes) -> DecodedPage:
    path = Path(os.fsdecode(path))
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PageRejected(name, f"cannot read file ({exc.strerror})") from exc
    if size > MAX_BYTES:
        raise PageRejected(name, f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit")
    return decode_page(name, path.read_bytes())


def printable_name(file_name: str | bytes) -> tuple[str, WarningDict | None]:
    """Return (a name any database can store, a warning or None)."""
    if isinstance(file_name, bytes):
        raw = file_name
    else:
        try:
            file_name.encode("utf-8")
        except UnicodeEncodeError:
            raw = file_name.encode("utf-8", "surrogateescape") if _only_escapes(file_name) else None
            if raw is None:  # lone surrogates that are not escaped bytes
                name = file_name.encode("utf-8", "replace").decode("utf-8")
                return name, warning("file_name_not_unicode", name=name)
        else:
            return file_name, None
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        name = raw.decode("gb18030")
    except UnicodeDecodeError:
        name = ""
    if name and name.isprintable() and _plausible_text(name):
        return name, warning("file_name_gb18030", name=name)
    name = raw.decode("utf-8", "backslashreplace")
    return name, warning("file_name_not_utf8", name=name)


def _only_escapes(text: str) -> bool:
    return all(not "\ud800" <= ch <= "\udfff" or "\udc80" <= ch <= "\udcff" for ch in text)


def decode_page(file_name: str | bytes, data: bytes) -> DecodedPage:
    file_name, name_warning = printable_name(file_name)
    warnings: list[WarningDict] = [name_warning] if name_warning else []
    if len(data) > MAX_BYTES:
        raise PageRejected(file_name, f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit")
    if not data.strip():
        raise PageRejected(file_name, "file is empty")
    utf16 = _decode_utf16(data)
    if utf16 is not None:
        text, encoding = utf16
        warnings.append(warning("decoded_utf16", byte_order=encoding[-2:].upper()))
    elif b"\x00" in data:
        raise PageRejected(file_name, "file is binary (contains NUL bytes), not text")
    else:
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
            warnings.append(warning("decoded_gb18030"))
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


def _decode_utf16(data: bytes) -> tuple[str, str] | None:
    """(text, "utf-16-le"/"utf-16-be") when the data is UTF-16 text, else None."""
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError:
                return None
    if len(data) % 2 or b"\x00" not in data:
        return None
    half = len(data) // 2
    even_nuls = data[0::2].count(0) / half
    odd_nuls = data[1::2].count(0) / half
    # Text has NULs on one side only; binary junk has them on both.
    if odd_nuls >= MIN_UTF16_NUL_SHARE and even_nuls < odd_nuls / 4:
        codec = "utf-16-le"
    elif even_nuls >= MIN_UTF16_NUL_SHARE and odd_nuls < even_nuls / 4:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if not _plausible_text(text) or _control_share(text) > MAX_CONTROL_SHARE:
        return None
    return text, codec


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Unicode's control characters (category Cc: U+0000-001F, U+007F-009F) but
# tab, newline, form feed and carriage return. One regex pass over a page
# instead of a category look-up per character (a tenth of an import's time).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


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
