"""The Word reader's shortcuts read what its plain walks read.

``checks/sources/word.py`` takes three shortcuts for speed: a paragraph that hides nothing is read through lxml's own
walk (``_shown``) rather than the step-by-step one that skips deletions, text boxes and ruby annotations
(``_shown_walk``); ``Numbering.label`` is asked only about paragraphs whose properties name a list or a style; and a
table's cells are looked at once, while its grid is built, for whether one holds a table. Each is checked here
against what it stands for, on the XML constructs that decide it (runs inside runs, wrappers, hidden parts, cut-off
text, merged cells, spans past the limit). The cross-format tests (test_documents.py, test_formats.py) check the
whole documents.
"""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]

from checks.model import Place, Position
from checks.sources import word
from checks.sources.limits import MAX_SPAN, Budget
from checks.sources.numbering import Numbering

_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def xml(fragment: str) -> Any:
    """An element written in WordprocessingML with the ``w:`` (and ``mc:``) prefixes."""
    return etree.fromstring(f'<w:root xmlns:w="{_NS}" xmlns:mc="{_MC}">{fragment}</w:root>')[0]


def run(text: str) -> str:
    return f'<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>{text}</w:t></w:r>'


PARAGRAPHS = {
    "plain runs": f"<w:p><w:pPr><w:ind w:firstLine='640'/></w:pPr>{run('一、')}{run('总体')}{run('情况')}</w:p>",
    "wrappers": (
        f"<w:p><w:hyperlink>{run('a')}</w:hyperlink><w:ins>{run('b')}</w:ins>"
        f"<w:sdt><w:sdtContent>{run('c')}</w:sdtContent></w:sdt><w:fldSimple>{run('d')}</w:fldSimple>"
        f"<w:smartTag>{run('e')}</w:smartTag><w:moveTo>{run('f')}</w:moveTo></w:p>"
    ),
    "a run inside a run, after its own text": (
        "<w:p><w:r><w:t>a</w:t><w:ruby><w:rubyBase><w:r><w:t>b</w:t></w:r></w:rubyBase></w:ruby>"
        "<w:t>c</w:t></w:r></w:p>"
    ),
    "tabs and breaks": (
        '<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br w:type="page"/><w:cr/>'
        "<w:noBreakHyphen/></w:r></w:p>"
    ),
    "alternate content": (
        f"<w:p><mc:AlternateContent><mc:Choice>{run('x')}</mc:Choice><mc:Fallback>{run('y')}</mc:Fallback>"
        "</mc:AlternateContent></w:p>"
    ),
    "a deletion": f"<w:p>{run('a')}<w:del><w:r><w:tab/><w:delText>gone</w:delText></w:r></w:del>{run('b')}</w:p>",
    "a ruby annotation": (
        "<w:p><w:r><w:ruby><w:rt><w:r><w:t>zhèng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>政</w:t></w:r>"
        "</w:rubyBase></w:ruby></w:r></w:p>"
    ),
    "a text box": (
        f"<w:p>{run('a')}<w:r><w:pict><w:txbxContent><w:p>{run('boxed')}</w:p></w:txbxContent></w:pict></w:r></w:p>"
    ),
    "moved away": f"<w:p><w:moveFrom>{run('old')}</w:moveFrom>{run('new')}</w:p>",
    "a comment and no runs": "<w:p><!-- a note --><w:pPr/></w:p>",
}


@pytest.mark.parametrize("name", PARAGRAPHS)
@pytest.mark.parametrize("room", [1, 2, 3, 5, 1000])
def test_a_paragraph_reads_as_the_walk_reads_it(name: str, room: int) -> None:
    paragraph = xml(PARAGRAPHS[name])
    assert word._shown(paragraph, room) == word._shown_walk(paragraph, room)


def test_the_shortcut_reads_runs_in_document_order() -> None:
    assert word._shown(xml(PARAGRAPHS["a run inside a run, after its own text"]), 100) == "acb"
    assert word._shown(xml(PARAGRAPHS["wrappers"]), 100) == "abcdef"
    assert word._shown(xml(PARAGRAPHS["a deletion"]), 100) == "ab"


_NUMBERING = xml(
    "<w:numbering>"
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    "</w:numbering>"
)
_STYLES = xml(
    '<w:styles><w:style w:type="paragraph" w:styleId="h1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr>'
    '</w:style><w:style w:type="paragraph" w:styleId="body"><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:style>'
    "</w:styles>"
)
_NUMBERED = [
    "<w:p><w:pPr><w:pStyle w:val='h1'/></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:ind w:firstLine='640'/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val='body'/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>没有属性</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='5'/></w:numPr></w:pPr>"
    "<w:r><w:t>直接编号</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>属性在后</w:t></w:r><w:pPr><w:pStyle w:val='h1'/></w:pPr></w:p>",
    "<w:p><w:pPr/><w:pPr><w:pStyle w:val='h1'/></w:pPr><w:r><w:t>第二个属性</w:t></w:r></w:p>",
]


@pytest.mark.parametrize("numbering", [_NUMBERING, None])
def test_numbers_are_those_of_asking_about_every_paragraph(numbering: Any) -> None:
    paragraphs = [xml(p) for p in _NUMBERED]
    everyone = Numbering(numbering, _STYLES)
    expected = [everyone.label(p) + word._shown(p, 1000) for p in paragraphs]
    reader = word._Reader(Numbering(numbering, _STYLES), Budget())
    assert [reader.paragraph_text(p, Place(paragraph=1)) for p in paragraphs] == expected
    if numbering is not None:
        assert expected[0] == "一、总体情况" and expected[4] == "二、直接编号" and expected[5] == "三、属性在后"


def cell(text: str, properties: str = "", extra: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p>{extra}</w:tc>"


def test_a_grid_of_merged_cells() -> None:
    across, down, continued = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    table = xml(
        "<w:tbl>"
        f"<w:tr>{cell('a', across + down)}{cell('b')}</w:tr>"
        f"<w:tr>{cell('', across + continued)}{cell('c')}</w:tr>"
        f"<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>{cell('d', continued)}{cell('e')}</w:tr>"
        "</w:tbl>"
    )
    budget = Budget()
    grid, holding = word._grid(table, budget, 1)
    texts = [[None if e is None else "".join(e.itertext()) for e in row] for row in grid]
    # Merged down from above: the cell above, as wide as it; with no cell above at its column, a cell of its own.
    assert texts == [["a", "a", "b"], ["a", "a", "c"], [None, "d", "e"]]
    assert grid[1][0] is grid[0][0] and not holding and not budget.findings()
    rows = list(word._Reader(Numbering(), Budget()).rows(grid, 1))
    assert [[piece.text for piece in row] for row in rows] == [["a", "", "b"], ["", "", "c"], ["", "d", "e"]]
    assert [piece.pos.place for piece in rows[1]] == [Place(table=1, row=2, cell=c) for c in (1, 1, 2)]


def test_a_cell_holding_a_table_frames_what_it_holds() -> None:
    inner = f"<w:tbl><w:tr>{cell('x')}{cell('y')}</w:tr></w:tbl>"
    table = xml(f"<w:tbl><w:tr>{cell('a')}{cell('b', extra=inner)}</w:tr></w:tbl>")
    grid, holding = word._grid(table, Budget(), 1)
    assert [e for e in grid[0] if e in holding] == [grid[0][1]]
    blocks = list(word._Reader(Numbering(), Budget()).content(iter([table])))
    assert [[piece.text for piece in block] for block in blocks] == [["a"], ["b"], ["x", "y"]]


def test_a_span_past_the_limit_is_capped_and_named_once() -> None:
    huge = '<w:gridSpan w:val="99999999999"/>'
    table = xml(f"<w:tbl><w:tr>{cell('a', huge)}{cell('b')}</w:tr></w:tbl>")
    budget = Budget()
    grid, _ = word._grid(table, budget, 1)
    assert len(grid[0]) == MAX_SPAN  # the capped span fills the row to the column limit; "b" is past it
    assert [f.rule for f in budget.findings()] == ["I004", "I004"]
    assert budget.findings()[0].pos == Position(1, 1, Place(table=1, row=1))


def test_a_cells_first_properties_and_their_first_span_and_merge_are_the_ones_read() -> None:
    # The grid's marks are found in one query for the whole table (word._Marks): the same ones a look at each cell
    # finds, the first gridSpan and vMerge of the first tcPr; a second tcPr, or a span elsewhere, counts for nothing.
    first = '<w:gridSpan w:val="2"/><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/>'
    continued = '<w:vMerge/><w:vMerge w:val="restart"/>'
    second = "</w:tcPr><w:tcPr><w:gridSpan w:val='4'/>"
    stray = "<w:tc><w:p><w:gridSpan w:val='5'/></w:p></w:tc>"
    table = xml(
        "<w:tbl>"
        f"<w:tr>{cell('a', first + second)}{cell('b')}</w:tr>"
        f"<w:tr>{cell('', continued + second)}{stray}</w:tr>"
        "</w:tbl>"
    )
    grid, holding = word._grid(table, Budget(), 1)
    assert [len(row) for row in grid] == [3, 3] and not holding
    assert grid[0][0] is grid[0][1] is grid[1][0] is grid[1][1]  # 2 wide, and merged down into the second row
    assert grid[1][2] is not grid[0][2]


def test_only_a_table_among_a_cells_own_children_makes_it_hold_one() -> None:
    # Not one inside a content control around it, nor the cells of the table it holds (their spans are theirs).
    span = '<w:gridSpan w:val="7"/>'
    wide = f"<w:tbl><w:tr>{cell('x', span)}</w:tr></w:tbl>"
    controlled = f"<w:tc><w:sdt><w:sdtContent>{wide}</w:sdtContent></w:sdt></w:tc>"
    table = xml(f"<w:tbl><w:tr>{cell('a', extra=wide)}{controlled}{cell('b')}</w:tr></w:tbl>")
    grid, holding = word._grid(table, Budget(), 1)
    assert len(grid[0]) == 3 and holding == {grid[0][0]}


def test_a_document_that_hides_nothing_is_read_as_one_looked_through() -> None:
    # read_file tells the reader whether the body hides anything at all; when it does not, no paragraph is looked
    # through for it, and each reads as it does when looked through.
    paragraphs = [xml(p) for p in PARAGRAPHS.values()]
    plain = [p for p in paragraphs if next(p.iter(*word.HIDING), None) is None]
    assert len(plain) > 3
    assert [word._shown(p, 1000, hides=False) for p in plain] == [word._shown(p, 1000) for p in plain]
