"""Invariants, checked on generated input (hypothesis): figures, fixed-width tables, any bytes."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.mapping import MappingTable
from converter.pipeline import Options, convert
from converter.read import Document, Line, ReadError
from converter.segment import BlockKind, segment
from converter.tables import read_tables
from converter.taxonomy import Taxonomy

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WORDS = ("Revenue", "Cost", "Services", "Network", "Income", "Other", "Sales", "Expenses", "Equipment", "Systems")
QUARTERS = ("1Q03", "2Q03", "3Q03", "4Q03", "1Q04")


def _grouped(digits: str) -> str:
    head = len(digits) % 3 or 3
    return ",".join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


@st.composite
def printed_figures(draw: st.DrawFn) -> tuple[str, Decimal, int, bool]:
    """A figure as a filing prints it, with the value, decimals and percent it stands for."""
    whole = draw(st.integers(min_value=0, max_value=10**12))
    places = draw(st.integers(min_value=0, max_value=4))
    fraction = draw(st.integers(min_value=0, max_value=10**places - 1)) if places else 0
    negative = draw(st.booleans()) and (whole or fraction)
    digits = _grouped(str(whole)) if draw(st.booleans()) else str(whole)
    text = digits + (f".{fraction:0{places}d}" if places else "")
    percent = draw(st.booleans())
    if percent:
        text += "%"
    if negative:
        text = f"({text})" if draw(st.booleans()) else f"-{text}"
    if not percent and draw(st.booleans()):
        text = "$" + text
    value = Decimal(f"{whole}.{fraction:0{places}d}" if places else str(whole))
    return text, -value if negative else value, places, percent


@SETTINGS
@given(printed_figures())
def test_parse_number_round_trip(figure: tuple[str, Decimal, int, bool]) -> None:
    from converter.values import parse_number

    text, value, places, percent = figure
    parsed = parse_number(text)
    assert parsed is not None, text
    assert parsed.value == value
    assert parsed.fraction_digits == places
    assert parsed.percent is percent


@st.composite
def tables(draw: st.DrawFn) -> tuple[str, list[tuple[str, list[int]]], list[str]]:
    """A fixed-width table rendered as text, with the labels and values it was made from."""
    columns = draw(st.integers(min_value=1, max_value=len(QUARTERS)))
    heads = list(QUARTERS[:columns])
    label = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
    # At least as wide as a heading: a heading that starts well left of the first column's
    # figures is not recognised as one (HEADING_SLACK), a known limit of the table reader.
    magnitude = st.integers(10**4, 10**9)
    figure = st.tuples(magnitude, st.booleans()).map(lambda m: -m[0] if m[1] else m[0])
    rows = draw(
        st.lists(
            st.tuples(label, st.lists(figure, min_size=columns, max_size=columns)),
            min_size=1,
            max_size=8,
            unique_by=lambda row: row[0],
        )
    )
    wrapped = [draw(st.booleans()) for _ in rows]

    def cell(value: int) -> str:
        return f"({abs(value):,})" if value < 0 else f"{value:,}"

    label_width = max(len(text) + 2 for text, _ in rows) + draw(st.integers(0, 6))
    widths = [
        max(len(heads[j]), *(len(cell(values[j])) for _, values in rows)) + draw(st.integers(2, 6))
        for j in range(columns)
    ]
    lines = ["Table 1. Figures (in thousands)", ""]
    lines.append(" " * label_width + "".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True)))
    lines.append(" " * label_width + "".join(" " + "-" * (w - 1) for w in widths))
    expected = []
    for (text, values), wrap in zip(rows, wrapped, strict=True):
        cells = "".join(f"{cell(v):>{w}}" for v, w in zip(values, widths, strict=True))
        if wrap:
            lines.append("Group of")  # a label wrapped over two lines: the second indented
            lines.append(f"{'  ' + text:<{label_width}}" + cells)
            expected.append((f"Group of {text}", values))
        else:
            lines.append(f"{text:<{label_width}}" + cells)
            expected.append((text, values))
    return "\n".join(lines) + "\n", expected, heads


@SETTINGS
@given(tables())
def test_tables_read_back_exactly(table: tuple[str, list[tuple[str, list[int]]], list[str]]) -> None:
    text, expected, heads = table
    document = Document("t.txt", tuple(Line(i, t) for i, t in enumerate(text.splitlines(), start=1)))
    blocks = [b for b in segment(document) if b.kind is BlockKind.TABLE]
    assert len(blocks) == 1, text
    (read,) = read_tables(blocks[0])
    assert [column.headings for column in read.columns] == [(h,) for h in heads], text
    got = [
        (row.label, [int(c.text.replace(",", "").replace("(", "-").rstrip(")")) for _, c in row.cells])
        for row in read.rows
    ]
    assert got == expected, text
    assert all([i for i, _ in row.cells] == list(range(len(heads))) for row in read.rows)
    assert not read.stray


@SETTINGS
@given(data=st.one_of(st.binary(max_size=2000), st.text(max_size=2000)))
def test_convert_raises_only_read_error(data: bytes | str, taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    try:
        result = convert(data, name="x.txt", options=Options(), taxonomy=taxonomy, mapping=mapping_table)
    except ReadError as err:
        assert "\n" not in str(err)
        return
    cells = result.cells
    assert cells.total == cells.tagged + sum(cells.skipped.values()) + cells.unaccounted
