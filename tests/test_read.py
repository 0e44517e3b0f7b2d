"""Decoding: every encoding a filing comes in is read exactly, or refused in one line; never mojibake."""

from __future__ import annotations

import pytest

from converter.read import ReadError, read_document

TABLE = (
    "Table 1. Revenues (JPY in millions)\n\n"
    "                              1Q03      2Q03\n"
    "                            --------  --------\n"
    "{label:<28}    1,204     1,300\n"
)
JAPANESE = "売上高 (インターネット接続)"
LATIN = "Revenus – société “café”"


def _mojibake_free(text: str, expected: str) -> None:
    """What "no mojibake" means here: the label is read back exactly, with no stand-ins for bytes."""
    assert expected in text
    assert "\ufffd" not in text
    assert not any("\x80" <= ch <= "\x9f" for ch in text)  # C1 controls: bytes decoded as Latin-1


@pytest.mark.parametrize(
    ("label", "encoding"),
    [
        (JAPANESE, "utf-8"),
        (JAPANESE, "utf-8-sig"),
        (JAPANESE, "utf-16"),  # with a byte-order mark
        (JAPANESE, "utf-16-le"),  # without one: found from the NULs of the ASCII characters
        (JAPANESE, "utf-16-be"),
        (JAPANESE, "utf-32"),
        (JAPANESE, "shift_jis"),
        (JAPANESE, "cp932"),
        (JAPANESE, "euc_jp"),
        (LATIN, "cp1252"),
        ("Café de Paris", "latin-1"),
    ],
)
def test_encodings_read_exactly(label: str, encoding: str) -> None:
    document = read_document(TABLE.format(label=label).encode(encoding), "t.txt")
    _mojibake_free(document.text, label)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n", "empty file"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (bytes(range(256)) * 8, "binary data"),
        (b"Revenues \x01\x02\x03\x04\x05\x06\x07\x08 ok\n" * 4, "binary data"),
        # UTF-8 with one stray Latin-1 byte: cp1252 would turn every "é" into "Ã©".
        ("Société générale  1,204\nCafé ".encode() + b"cr\xe8me\n", "mixed encodings"),
        # Chinese in GBK: valid cp1252 byte by byte, but that is mojibake, not Latin text.
        (("营业收入 净利润 经营活动现金流量 " * 3 + "\n").encode("gbk"), "unknown encoding"),
        (b"Revenue \x81\x8d 1,204\n", "unknown encoding"),
        (b"\xff\xfe\x00\xd8", "byte-order mark"),  # a UTF-16 BOM, then a lone surrogate
    ],
)
def test_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason) as caught:
        read_document(data, "bad.txt")
    assert "\n" not in str(caught.value)


def test_text_with_nul_refused() -> None:
    with pytest.raises(ReadError, match="binary"):
        read_document("Revenues\x00 1,204\n", "t.txt")


def test_form_feeds_and_a_stray_control_are_text() -> None:
    """EDGAR text puts a form feed at each page break."""
    document = read_document(b"Page 1\n\x0c\nRevenues   1,204\x1a\n" + b"x" * 200, "t.txt")
    assert [line.number for line in document.lines] == [1, 2, 3, 4]
