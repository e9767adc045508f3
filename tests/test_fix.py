"""``check --fix``, ``--unsafe-fixes`` and ``--diff`` (issue 20): the repairs a rule is sure of, applied to the source
in every format that is edited (.txt, .md, .yaml, .docx), kept only when the repaired file has the finding no more
and nothing new; never a byte written without ``--fix``; a Word document keeps its styles and merged cells.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from checks.cli import main
from checks.engine import lint_file
from checks.reading import decode
from checks.rules import selected
from checks.sources import text as text_source
from checks.writers import writer_for
from tests.conftest import CLEAN_TEXT, EXAMPLES
from tests.test_convert import MUTATIONS

ALL = selected(None, None)
WRITABLE = ("txt", "md", "yaml", "docx")
NAME = "示例县自然资源局2025"


def _line_with(text: str, needle: str) -> str:
    return next(line for line in text.split("\n") if needle in line)


def _zero_blanked(text: str) -> str:
    """A 0 left blank where every sum holds without it (blank for zero)."""
    line = _line_with(text, "1.属于国家秘密")
    return text.replace(line, line[: line.rindex("\t0")] + "\t")


# Each family with a safe repair: the mutation, the rule it is found by, and the formats it is repaired in (the 勾稽
# note goes into the empty top-left cell, which the YAML data form does not have).
SAFE: dict[str, tuple[Callable[[str], str], str, tuple[str, ...]]] = {
    "altered-header-label": (MUTATIONS["altered-header-label"], "T006", WRITABLE),
    "altered-row-label": (MUTATIONS["altered-row-label"], "T006", WRITABLE),
    "unit-missing": (MUTATIONS["unit-missing"], "T007", WRITABLE),
    "missing-note": (MUTATIONS["missing-note"], "T007", ("txt", "md", "docx")),
    "heading-wording": (
        lambda t: t.replace("二、主动公开政府信息情况", "二、主动公开政府信息的情况"),
        "R004",
        WRITABLE,
    ),
    "placeholder": (lambda t: t.replace(_line_with(t, "规章\t"), "规章\t/\t/\t/"), "T004", WRITABLE),
    "blank-zero": (_zero_blanked, "T004", ("txt", "md", "docx")),  # (a YAML blank is null: not written over)
}


def _write(text: str, fmt: str, folder: Path) -> Path:
    path = folder / f"{NAME}.{fmt}"
    if fmt == "txt":
        path.write_text(text, encoding="utf-8")
        return path
    decoded = decode(text.encode("utf-8"))
    assert decoded.lines is not None
    written = writer_for(fmt)(text_source.parse(str(path), decoded.lines))
    if isinstance(written, bytes):
        path.write_bytes(written)
    else:
        path.write_text(written, encoding="utf-8")
    return path


def _kinds(path: Path) -> Counter[tuple[str, str | None, str | None]]:
    result = lint_file(path, ALL)
    assert result.crash is None, result.crash
    return Counter((f.rule, f.table, f.row) for f in result.findings)


@pytest.mark.parametrize("fmt", WRITABLE)
@pytest.mark.parametrize("family", sorted(SAFE))
def test_fix_repairs_the_family_and_adds_nothing(tmp_path: Path, family: str, fmt: str) -> None:
    mutate, code, repaired_in = SAFE[family]
    text = mutate(CLEAN_TEXT)
    assert text != CLEAN_TEXT
    path = _write(text, fmt, tmp_path)
    before = _kinds(path)
    assert any(rule == code for rule, _, _ in before), before
    original = path.read_bytes()
    assert main(["check", "--diff", str(path)]) == (1 if fmt in repaired_in else 0)
    main(["check", str(path)])
    assert path.read_bytes() == original  # neither --diff nor a plain check writes
    main(["check", "--fix", str(path)])
    after = _kinds(path)
    assert not after - before  # nothing new
    if fmt not in repaired_in:
        assert path.read_bytes() == original
        return
    assert sum(n for (rule, _, _), n in after.items() if rule == code) < sum(
        n for (rule, _, _), n in before.items() if rule == code
    )
    fixed = path.read_bytes()
    main(["check", "--fix", str(path)])
    assert path.read_bytes() == fixed  # a second --fix changes nothing


@pytest.mark.parametrize("family", sorted(SAFE))
def test_the_text_fix_changes_only_the_repaired_line_and_gives_back_the_clean_report(
    tmp_path: Path, family: str
) -> None:
    mutate, _, _ = SAFE[family]
    path = _write(mutate(CLEAN_TEXT), "txt", tmp_path)
    main(["check", "--fix", str(path)])
    fixed = path.read_text(encoding="utf-8")
    if family == "placeholder":  # 规章 "/ / /" is 0 0 0, which the clean report does not have there
        assert _line_with(fixed, "规章\t") == "规章\t0\t0\t0"
        return
    assert fixed == CLEAN_TEXT


def test_line_ends_bom_and_encoding_are_kept(tmp_path: Path) -> None:
    text = SAFE["altered-row-label"][0](CLEAN_TEXT).replace("\n", "\r\n")
    path = tmp_path / f"{NAME}.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    main(["check", "--fix", str(path)])
    assert path.read_bytes() == b"\xef\xbb\xbf" + CLEAN_TEXT.replace("\n", "\r\n").encode("utf-8")
    gbk = tmp_path / "gbk" / f"{NAME}.txt"
    gbk.parent.mkdir()
    gbk.write_bytes(SAFE["altered-row-label"][0](CLEAN_TEXT).encode("gb18030"))
    main(["check", "--fix", str(gbk)])
    assert gbk.read_bytes() == CLEAN_TEXT.encode("gb18030")


def test_a_fixed_word_document_keeps_its_styles_and_merged_cells(tmp_path: Path) -> None:
    path = _write(SAFE["altered-row-label"][0](CLEAN_TEXT), "docx", tmp_path)
    before = zipfile.ZipFile(path)
    parts = {name: before.read(name) for name in before.namelist()}
    main(["check", "--fix", str(path)])
    after = zipfile.ZipFile(path)
    assert after.namelist() == list(parts)
    for name, content in parts.items():
        if name != "word/document.xml":
            assert after.read(name) == content, name  # styles, numbering, settings: byte for byte
    old, new = parts["word/document.xml"].decode(), after.read("word/document.xml").decode()
    for mark in ("<w:gridSpan", "<w:vMerge", "<w:tcW", "<w:rFonts"):
        assert old.count(mark) == new.count(mark), mark
    assert "内部事务信息" in new and "内容事务信息" not in new


def test_unsafe_fixes_set_the_likely_wrong_cell_only_when_asked(tmp_path: Path) -> None:
    line = _line_with(CLEAN_TEXT, "\t（一）予以公开\t")
    cells = line.split("\t")
    cells[3] = str(int(cells[3]) + 1)
    path = _write(CLEAN_TEXT.replace(line, "\t".join(cells)), "txt", tmp_path)
    wrong = path.read_bytes()
    assert main(["check", "--fix", str(path)]) == 1
    assert path.read_bytes() == wrong  # a figure is never changed by --fix alone
    assert main(["check", "--fix", "--unsafe-fixes", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == CLEAN_TEXT


def test_published_forms_are_never_rewritten(tmp_path: Path) -> None:
    from tests.documents import html_page

    page = tmp_path / f"{NAME}.html"
    page.write_text(html_page(SAFE["altered-row-label"][0](CLEAN_TEXT)), encoding="utf-8")
    original = page.read_bytes()
    main(["check", "--fix", "--unsafe-fixes", str(page)])
    assert page.read_bytes() == original


def test_json_and_sarif_carry_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_reporters import sarif_errors

    path = _write(SAFE["altered-row-label"][0](CLEAN_TEXT), "txt", tmp_path)
    main(["check", "--format", "json", str(path)])
    [finding] = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert finding["fix"]["safe"] is True
    [edit] = finding["fix"]["edits"]
    assert edit["text"] == "5.属于三类内部事务信息"
    assert (edit["line"], edit["column"]) == (finding["line"], finding["column"])
    assert edit["end_column"] - edit["column"] == len("5.属于三类内容事务信息")
    main(["check", "--format", "sarif", str(path)])
    log = json.loads(capsys.readouterr().out)
    assert sarif_errors(log) == []
    [result] = log["runs"][0]["results"]
    [replacement] = result["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == "5.属于三类内部事务信息"
    assert replacement["deletedRegion"]["startLine"] == finding["line"]


def test_text_output_says_how_many_fix_would_repair(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(EXAMPLES / "faulty.txt")])
    assert "其中 4 个问题可用 --fix 自动修复（另有 3 个可加 --unsafe-fixes 修复）" in capsys.readouterr().out
    main(["check", "--lang", "en", str(EXAMPLES / "faulty.txt")])
    assert "4 of them can be repaired with --fix (3 more with --unsafe-fixes)" in capsys.readouterr().out


def test_fix_needs_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--fix", "-"]) == 2
    assert "--fix" in capsys.readouterr().err


def test_diff_shows_the_change_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(SAFE["altered-row-label"][0](CLEAN_TEXT), "txt", tmp_path)
    original = path.read_bytes()
    assert main(["check", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert "-⇥⇥5.属于三类内容事务信息" in out and "+⇥⇥5.属于三类内部事务信息" in out
    assert path.read_bytes() == original
