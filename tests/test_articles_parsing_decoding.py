"""articles.parsing.decoding: bytes in, text out, or a refusal that names the file and says why."""

from __future__ import annotations

import hashlib
import random

import pytest

from articles.parsing import PageRejected, decode_page, parse_page, read_page
from articles.parsing.decoding import MAX_BYTES, normalise_newlines
from articles.parsing.warnings import warning
from tests.seedpages import SEED_PREFIXES, parsed, seed_path, seed_text

GB18030_WARNING = warning("decoded_gb18030")


def rejection(file_name: str, data: bytes) -> PageRejected:
    with pytest.raises(PageRejected) as info:
        decode_page(file_name, data)
    exc = info.value
    assert exc.file_name == file_name
    assert file_name in str(exc)
    assert exc.reason and exc.reason in str(exc)
    return exc


# --- the seed pages ---------------------------------------------------------


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_utf8_seed_decodes_unchanged_without_warnings(prefix):
    path = seed_path(prefix)
    data = path.read_bytes()
    page = read_page(path)
    assert page.file_name == path.name
    assert page.text == data.decode("utf-8")
    assert page.encoding == "utf-8"
    assert page.warnings == ()
    assert page.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_gb_encoded_seed_decodes_to_the_same_text(prefix, codec):
    text = seed_text(prefix)
    data = text.encode(codec)
    page = decode_page("legacy.txt", data)
    assert page.text == text
    assert page.encoding == "gb18030"
    assert page.warnings == (GB18030_WARNING,)
    assert page.sha256 == hashlib.sha256(data).hexdigest()


def test_gb2312_encoded_seed_decodes_to_the_same_text():
    # 001 only uses characters that GB2312 has (the others print · or ——).
    text = seed_text("001")
    page = decode_page("001.txt", text.encode("gb2312"))
    assert page.text == text
    assert page.encoding == "gb18030"


def test_gbk_seed_parses_like_the_utf8_seed():
    utf8 = parsed("000")
    legacy = parse_page(decode_page(utf8.file_name, utf8.text.encode("gbk")))
    assert legacy.encoding == "gb18030"
    assert GB18030_WARNING in legacy.warnings
    assert legacy.articles == utf8.articles
    assert legacy.sha256 != utf8.sha256  # the hash is of the bytes as stored


def test_read_page_on_a_gbk_file(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(seed_text("002").encode("gbk"))
    page = read_page(path)
    assert page.file_name == "page.txt"
    assert page.text == seed_text("002")
    assert page.encoding == "gb18030"


def test_utf8_with_bom_is_stripped_of_the_bom():
    text = seed_text("003")
    data = b"\xef\xbb\xbf" + text.encode("utf-8")
    page = decode_page("bom.txt", data)
    assert page.text == text
    assert not page.text.startswith("\ufeff")
    assert page.encoding == "utf-8"
    assert page.warnings == ()
    assert page.sha256 == hashlib.sha256(data).hexdigest()


def test_crlf_and_cr_newlines_are_normalised():
    text = seed_text("001")
    page = decode_page("crlf.txt", text.replace("\n", "\r\n").encode("utf-8"))
    assert page.text == text
    assert "\r" not in page.text
    assert decode_page("cr.txt", "标题\r正文。\r".encode()).text == "标题\n正文。\n"
    assert decode_page("mixed.txt", "甲\r\n乙\r丙\n".encode()).text == "甲\n乙\n丙\n"


def test_crlf_seed_parses_like_the_lf_seed():
    lf = parsed("004")
    crlf = parse_page(decode_page(lf.file_name, lf.text.replace("\n", "\r\n").encode("utf-8")))
    assert crlf.text == lf.text
    assert crlf.articles == lf.articles  # spans included: they point into the normalised text


def test_normalise_newlines():
    assert normalise_newlines("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert normalise_newlines("\r\n\r\n") == "\n\n"


# --- refusals ---------------------------------------------------------------


def test_empty_file_is_refused():
    assert rejection("empty.txt", b"").reason == "file is empty"


@pytest.mark.parametrize(
    "data",
    [
        b" \n\t\r\n  ",
        b"\xef\xbb\xbf",  # a BOM and nothing else
        b"\xef\xbb\xbf \n \n",
        "\u3000\u3000\n\u3000".encode("utf-8"),  # full-width spaces only
    ],
    ids=["ascii-whitespace", "bom-only", "bom-whitespace", "ideographic-spaces"],
)
def test_whitespace_only_file_is_refused(data):
    assert rejection("blank.txt", data).reason == "file is empty"


def test_binary_file_with_nul_bytes_is_refused():
    data = b"\x89PNG\r\n\x1a\n" + random.Random(0).randbytes(4096)
    assert b"\x00" in data
    exc = rejection("photo.png", data)
    assert "binary" in exc.reason
    assert "NUL" in exc.reason


def test_nul_byte_in_otherwise_good_text_is_refused():
    data = seed_text("000").encode("utf-8") + b"\x00"
    assert "NUL" in rejection("000.txt", data).reason


def test_binary_file_without_nul_bytes_is_refused():
    junk = bytes(b for b in random.Random(0).randbytes(4096) if b)
    exc = rejection("photo.png", b"\x89PNG\r\n\x1a\n" + junk)
    assert exc.reason.startswith("not UTF-8 or GB18030 text")


def test_text_full_of_control_characters_is_refused():
    exc = rejection("ctrl.txt", b"abc\x01\x02\x03\x04" * 10)
    assert "too many control characters" in exc.reason


def test_a_few_control_characters_are_tolerated():
    text = seed_text("000") + "\x0c\x07"
    assert decode_page("000.txt", text.encode("utf-8")).text == text


@pytest.mark.parametrize(
    "data, offset",
    [
        ("青岛日报".encode("utf-8") + b"\xff\xfe\xff", 12),
        (b"abc\x80", 3),
    ],
)
def test_undecodable_bytes_are_refused_with_their_offset(data, offset):
    exc = rejection("broken.txt", data)
    assert exc.reason == f"not UTF-8 or GB18030 text (undecodable byte at offset {offset})"


def test_implausible_gb18030_text_is_refused():
    # Russian in GB18030 decodes without error but is not Chinese newspaper text.
    data = ("Привет мир, это не газета. " * 20).encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    exc = rejection("russian.txt", data)
    assert exc.reason == "not UTF-8 text, and not plausible GB18030 text either"


def test_oversized_file_is_refused_by_read_page(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (5 * 1024 * 1024 + 1))
    with pytest.raises(PageRejected) as info:
        read_page(path)
    assert info.value.file_name == "huge.txt"
    assert "huge.txt" in str(info.value)
    assert info.value.reason == "file is 5,242,881 bytes, over the 5,242,880-byte limit"


def test_oversized_bytes_are_refused_by_decode_page():
    exc = rejection("huge.txt", b"a" * (MAX_BYTES + 1))
    assert "over the 5,242,880-byte limit" in exc.reason


def test_file_of_exactly_the_limit_is_accepted(tmp_path):
    assert MAX_BYTES == 5 * 1024 * 1024
    path = tmp_path / "big.txt"
    path.write_bytes(("青岛" * 10 + "\n").encode("utf-8").ljust(MAX_BYTES, b"x"))
    assert path.stat().st_size == MAX_BYTES
    page = read_page(path)
    assert page.encoding == "utf-8"
    assert len(page.text) > 0


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(PageRejected) as info:
        read_page(tmp_path / "nowhere.txt")
    assert info.value.file_name == "nowhere.txt"
    assert info.value.reason.startswith("cannot read file")


def test_page_rejected_message():
    exc = PageRejected("a.txt", "file is empty")
    assert str(exc) == "a.txt: file is empty"
    assert (exc.file_name, exc.reason) == ("a.txt", "file is empty")
