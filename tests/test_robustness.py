"""Property tests: a valid report passes, a wrong cell is caught, and no input ever crashes the linter.

- Random valid 表三/表四 figures (every sum holds by construction), written into examples/clean.txt in its tab
  layout and in the pipe layout, give no finding at all; any single changed cell gives exactly the A-rules whose
  sums hold that cell, and names it as the likely culprit.
- Random bytes, random text, and random edits of the bundled examples as .txt, .md, .yaml and .html pages give
  findings, never an internal error (FileResult.crash), and every reporter and writer copes with the result; so
  do Word documents with random bytes overwritten.

Examples per test are a share of the hypothesis profile's (tests/conftest.py): ``HYPOTHESIS_PROFILE=long`` runs
20 times as many (docs/robustness.md).
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.engine import FileResult, lint_file
from checks.findings import Finding
from checks.model import Report
from checks.reading import decode
from checks.reporters import Options, reporter
from checks.rules import selected
from checks.sources import parser_for, text
from checks.specs import national_2021 as nf
from checks.writers import BINARY, FORMATS, writer_for
from tests.conftest import CLEAN_TEXT, EXAMPLES, to_pipe_layout
from tests.documents import html_page, word_document

RULES = selected(None, None)
TEXT_FORMATS = tuple(f for f in FORMATS if f not in BINARY)  # what the edits below edit as text
CLEAN_LINES = CLEAN_TEXT.split("\n")
REPORTERS = ("text", "json", "github", "sarif")


def budget(share: float) -> settings:
    """This test's examples: a share of the loaded profile's, so that ``long`` scales every test alike."""
    return settings(max_examples=max(10, round(settings().max_examples * share)))


def _lint(source: str | bytes, suffix: str = ".txt") -> FileResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report{suffix}"
        if isinstance(source, str):
            path.write_text(source, encoding="utf-8", newline="")
        else:
            path.write_bytes(source)
        return lint_file(path, RULES)


# --- valid reports ------------------------------------------------------------------------------------------------

T3_KEYS = tuple(spec.key for spec in nf.T3_ROWS)
_T3_WIDTH = len(nf.T3_COLUMNS)
_T4_WIDTH = len(nf.T4_COLUMNS)
_OUTCOMES = len(nf.T4_OUTCOMES)
(_NEW, _OLD), (_HANDLED, _FORWARD) = nf.T3_BALANCE
# What the rules are asserted against, written from the format (reference §2.5), not from checks/rules/arithmetic.py.
_BALANCE_ROWS = {_NEW, _OLD, _HANDLED, _FORWARD}
_COLUMN_SUM_ROWS = {*nf.T3_OUTCOME_ROWS, _HANDLED}
# The figures clean.txt's 依申请公开 sentence states, rewritten with each table: the 总计 of these rows.
_SENTENCE = "全年新收政府信息公开申请15件，上年结转1件，均在法定期限内答复，结转下年度继续办理2件。"
_STATED = (_NEW, _OLD, _FORWARD)


@dataclass(frozen=True)
class Tables:
    t3: dict[str, list[int]]  # row key -> its 7 cells, 总计 last
    t4: list[int]  # the 15 cells of 表四's one row


def _t3_lines() -> dict[str, int]:
    """The line index of each 表三 row in clean.txt, found by its label cell."""
    start = next(i for i, line in enumerate(CLEAN_LINES) if nf.T3_NOTE_KEYWORD in line)
    found: dict[str, int] = {}
    for spec in nf.T3_ROWS:
        found[spec.key] = next(i for i in range(start, len(CLEAN_LINES)) if spec.label in CLEAN_LINES[i].split("\t"))
    return found


T3_LINES = _t3_lines()
T4_LINE = next(i for i, line in enumerate(CLEAN_LINES) if line.count("\t") == _T4_WIDTH - 1 and line[0].isdigit())
assert _SENTENCE in CLEAN_TEXT


def _count() -> st.SearchStrategy[int]:
    # Mostly the small counts of a real report, sometimes large ones.
    return st.one_of(st.integers(0, 9), st.integers(0, 100_000))


@st.composite
def valid_tables(draw: st.DrawFn) -> Tables:
    """表三 and 表四 figures that satisfy every sum: outcomes and carried-forward drawn, the rest computed."""
    applicants = range(_T3_WIDTH - 1)
    rows: dict[str, list[int]] = {key: [draw(_count()) for _ in applicants] for key in nf.T3_OUTCOME_ROWS}
    handled = [sum(rows[key][col] for key in nf.T3_OUTCOME_ROWS) for col in applicants]
    forward = [draw(_count()) for _ in applicants]
    # 一 + 二 = （七）总计 + 四, so 一 = （七）总计 + 四 − 二, which is not negative when 二 ≤ （七）总计 + 四.
    old = [draw(st.integers(0, handled[col] + forward[col])) for col in applicants]
    rows[_HANDLED], rows[_FORWARD], rows[_OLD] = handled, forward, old
    rows[_NEW] = [handled[col] + forward[col] - old[col] for col in applicants]
    t3 = {key: [*rows[key], sum(rows[key])] for key in T3_KEYS}
    t4: list[int] = []
    for _ in nf.T4_GROUPS:
        outcomes = [draw(_count()) for _ in range(_OUTCOMES - 1)]
        t4 += [*outcomes, sum(outcomes)]
    return Tables(t3, t4)


def render(tables: Tables, stated: Tables | None = None) -> str:
    """clean.txt with these figures in its tables, and in its sentence those of ``stated`` (default: the same)."""
    lines = list(CLEAN_LINES)
    for key, line in T3_LINES.items():
        cells = lines[line].split("\t")
        lines[line] = "\t".join(cells[:-_T3_WIDTH] + [str(v) for v in tables.t3[key]])
    lines[T4_LINE] = "\t".join(map(str, tables.t4))
    said = (stated or tables).t3
    new, old, forward = (said[key][-1] for key in _STATED)
    sentence = f"全年新收政府信息公开申请{new}件，上年结转{old}件，均在法定期限内答复，结转下年度继续办理{forward}件。"
    return "\n".join(lines).replace(_SENTENCE, sentence)


LAYOUTS: dict[str, Callable[[str], str]] = {"tab": lambda source: source, "pipe": to_pipe_layout}


def _rules(findings: tuple[Finding, ...]) -> set[str]:
    return {f.rule for f in findings}


@budget(1.0)
@given(valid_tables())
def test_a_valid_report_has_no_finding_in_either_layout(tables: Tables) -> None:
    # The sentence is rewritten with the figures: a report whose words and tables agree must pass without even a
    # warning. Allowing X001 instead would let any false alarm of X001 (or of another warning) pass unnoticed.
    source = render(tables)
    for layout, lay_out in LAYOUTS.items():
        result = _lint(lay_out(source))
        assert result.crash is None, result.crash
        assert result.findings == (), (layout, [(f.rule, f.pos, f.message.zh) for f in result.findings])


@budget(0.5)
@given(valid_tables())
def test_a_stale_sentence_is_x001_only_for_each_figure_that_changed(tables: Tables) -> None:
    original = Tables({key: [15 if key == _NEW else 1 if key == _OLD else 2] for key in _STATED}, [])
    findings = _lint(render(tables, stated=original)).findings
    assert _rules(findings) <= {"X001"}
    changed = [key for key in _STATED if tables.t3[key][-1] != original.t3[key][-1]]
    assert sorted(f.row or "" for f in findings) == sorted(changed)


@dataclass(frozen=True)
class Change:
    table: str
    row: str  # 表三 row key; "all" for 表四
    col: int
    old: int
    new: int


@st.composite
def one_cell_changed(draw: st.DrawFn) -> tuple[Tables, Change]:
    tables = draw(valid_tables())
    changed = Tables({k: list(v) for k, v in tables.t3.items()}, list(tables.t4))
    if draw(st.booleans()):
        table, key, col = "t3", draw(st.sampled_from(T3_KEYS)), draw(st.integers(0, _T3_WIDTH - 1))
        cells = changed.t3[key]
    else:
        table, key, col = "t4", nf.T4_ROW.key, draw(st.integers(0, _T4_WIDTH - 1))
        cells = changed.t4
    old = cells[col]
    cells[col] = draw(st.integers(0, old + 1000).filter(lambda value: value != old))  # a count stays a count (T005)
    return changed, Change(table, key, col, old, cells[col])


@budget(1.5)
@given(one_cell_changed(), st.sampled_from(sorted(LAYOUTS)))
def test_any_single_changed_cell_is_caught_by_the_sums_that_hold_it(case: tuple[Tables, Change], layout: str) -> None:
    tables, change = case
    # The sentence keeps the true figures: a changed 总计 it states is also X001.
    stated = Tables({key: [tables.t3[key][-1]] for key in _STATED}, [])
    if change.table == "t3" and change.col == _T3_WIDTH - 1 and change.row in _STATED:
        stated.t3[change.row] = [change.old]
    findings = _lint(LAYOUTS[layout](render(tables, stated=stated))).findings
    if change.table == "t4":
        expected = {"A004"}
    else:
        expected = {"A001"}  # every cell of 表三 is in its row's sum (总计 included)
        expected |= {"A002"} if change.row in _COLUMN_SUM_ROWS else set()
        expected |= {"A003"} if change.row in _BALANCE_ROWS else set()
        expected |= {"X001"} if change.col == _T3_WIDTH - 1 and change.row in _STATED else set()
    assert _rules(findings) == expected, [(f.rule, f.message.zh) for f in findings]
    if change.table == "t3":
        # The changed cell is the only one that balances every failing sum: each finding names it.
        column = nf.T3_COLUMNS[change.col].label
        for f in findings:
            if f.rule != "X001":
                assert f"「{column}」列，现为 {change.new}，应为 {change.old}" in f.message.zh, f.message.zh
                assert len(f.related) == 1 and f.related[0].line == T3_LINES[change.row] + 1


# --- never a crash ------------------------------------------------------------------------------------------------


def _model(path: Path) -> Report:
    decoded = decode(path.read_bytes())
    assert decoded.lines is not None
    return text.parse(str(path), decoded.lines)


def _sources() -> dict[tuple[str, str], str]:
    """Each bundled example in each source format, as `zfxxgk-lint convert` writes it."""
    out: dict[tuple[str, str], str] = {}
    for name in ("clean", "faulty"):
        model = _model(EXAMPLES / f"{name}.txt")
        for fmt in TEXT_FORMATS:
            out[(name, fmt)] = str(writer_for(fmt)(model))
    return out


SOURCES = _sources()
SUFFIX = {"txt": ".txt", "md": ".md", "yaml": ".yaml", "html": ".html"}
# Characters that mean something to one of the parsers, or to reading (line ends, BOM, NUL, invisible characters).
_SPECIAL = (
    "\t|#-:*&!?[]{},'\"%@`>\\ \n\r\x00\ufeff\u202e\u200b\x85\u2028\x0c\x1b"
    "一二三四五六七、（）()0123456789/—．.总计年报告勾稽表行段落标题正文"
)
_CHARS = st.one_of(st.sampled_from(_SPECIAL), st.characters(codec="utf-8"))


def _never_crashes(source: str | bytes, suffix: str) -> None:
    result = _lint(source, suffix)
    assert result.crash is None, result.crash
    for name in REPORTERS:  # whatever was found, every output format can say it
        reporter(name)([result], io.StringIO(), Options())
    # What convert would write (it refuses what it cannot read whole).
    if isinstance(source, str):
        decoded = decode(source.encode("utf-8"))
        parse = parser_for(suffix)
        assert parse is not None
        if decoded.lines is not None:
            report = parse("report" + suffix, decoded.lines)
            if not report.unreadable and not report.parse_findings:
                for fmt in TEXT_FORMATS:  # (the Word writer: tests/test_word_writer.py)
                    writer_for(fmt)(report)


@budget(2.0)
@given(
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]),
    st.binary(max_size=600),
    st.sampled_from(sorted(SUFFIX.values())),
)
def test_random_bytes_never_crash(bom: bytes, data: bytes, suffix: str) -> None:
    _never_crashes(bom + data, suffix)


@budget(3.0)
@given(st.text(alphabet=_CHARS, max_size=400), st.sampled_from(sorted(SUFFIX.values())))
def test_random_text_never_crashes(source: str, suffix: str) -> None:
    _never_crashes(source, suffix)


_EDIT = st.tuples(
    st.sampled_from(["insert", "delete", "replace", "delete-line", "duplicate-line", "swap-lines", "cut-line"]),
    st.integers(min_value=0),
    st.integers(min_value=0, max_value=200),
    st.text(alphabet=_CHARS, min_size=1, max_size=6),
)


def mutate(source: str, edits: list[tuple[str, int, int, str]]) -> str:
    """``source`` after each edit; positions are taken modulo the current length, so every edit applies."""
    for kind, at, amount, piece in edits:
        if kind in ("insert", "delete", "replace"):
            i = at % (len(source) + 1)
            if kind == "insert":
                source = source[:i] + piece + source[i:]
            else:
                source = source[:i] + (piece if kind == "replace" else "") + source[i + 1 + amount % 8 :]
            continue
        lines = source.split("\n")
        i = at % len(lines)
        if kind == "delete-line":
            del lines[i]
        elif kind == "duplicate-line":
            lines.insert(i, lines[i])
        elif kind == "swap-lines":
            j = amount % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = lines[i][: amount % (len(lines[i]) + 1)]
        source = "\n".join(lines)
    return source


@budget(4.0)
@given(st.sampled_from(sorted(SOURCES)), st.lists(_EDIT, min_size=1, max_size=8))
def test_random_edits_of_the_examples_never_crash(
    which: tuple[str, str], edits: list[tuple[str, int, int, str]]
) -> None:
    _never_crashes(mutate(SOURCES[which], edits), SUFFIX[which[1]])


PAGES = {
    name: html_page((EXAMPLES / f"{name}.txt").read_text(encoding="utf-8"), site=True) for name in ("clean", "faulty")
}


@budget(2.0)
@given(st.sampled_from(sorted(PAGES)), st.lists(_EDIT, min_size=1, max_size=8))
def test_random_edits_of_a_page_never_crash(name: str, edits: list[tuple[str, int, int, str]]) -> None:
    _never_crashes(mutate(PAGES[name], edits), ".html")


def _word_document() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.docx"
        word_document((EXAMPLES / "faulty.txt").read_text(encoding="utf-8"), path)
        return path.read_bytes()


WORD_DOCUMENT = _word_document()


@budget(1.0)
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=12))
def test_word_documents_with_bytes_overwritten_never_crash(writes: list[tuple[int, int]]) -> None:
    data = bytearray(WORD_DOCUMENT)
    for at, byte in writes:
        data[at % len(data)] = byte
    result = _lint(bytes(data), ".docx")
    assert result.crash is None, result.crash
    for name in REPORTERS:
        reporter(name)([result], io.StringIO(), Options())


@budget(1.0)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=len(CLEAN_LINES) - 1),
            st.sampled_from(["delete", "duplicate", "blank", "cut", "tabs-to-pipes", "swap"]),
            st.integers(min_value=0, max_value=80),
        ),
        max_size=8,
    )
)
def test_random_line_edits_of_a_real_report_never_crash(edits: list[tuple[int, str, int]]) -> None:
    lines = list(CLEAN_LINES)
    for index, kind, amount in edits:
        index %= len(lines)
        if kind == "delete":
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "blank":
            lines[index] = ""
        elif kind == "cut":
            lines[index] = lines[index][:amount]
        elif kind == "tabs-to-pipes":
            lines[index] = lines[index].replace("\t", " | ")
        else:
            other = amount % len(lines)
            lines[index], lines[other] = lines[other], lines[index]
        if not lines:
            lines = [""]
    _never_crashes("\n".join(lines), ".txt")
