"""``check --format html`` as a person meets it: a page opened from disk in a browser, and checked by a validator.

The page is read back with lxml's HTML parser (always) and, where Chromium is installed, as Chromium renders it
(``--dump-dom``: the DOM after the page's script ran); it is checked by the Nu Html Checker (``vnu.jar``, the npm
package ``vnu-jar``, run with the machine's Java). ``.ci/run`` installs Chromium and vnu-jar; a test whose program
is missing is skipped with the reason.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from lxml.html import HtmlElement

from checks.cli import main
from checks.config import Config
from checks.engine import FileResult
from checks.findings import Finding, Message, Severity
from checks.model import Position
from checks.reporters import FORMATS, Options, html
from checks.run import run
from checks.specs import get
from tests.conftest import CLEAN_TEXT, EXAMPLES, ROOT
from tests.documents import word_document

# One wrong cell of 表三: 「（一）予以公开」's 自然人 written 6 instead of 5 (its row total and column total fail).
CLEAN_ROW = "（一）予以公开\t\t5\t1\t0\t0\t0\t0\t6"
WRONG_ROW = "（一）予以公开\t\t6\t1\t0\t0\t0\t0\t6"
ONE_WRONG_CELL = CLEAN_TEXT.replace(CLEAN_ROW, WRONG_ROW)
HOSTILE = "</table><script>alert(1)</script><!--"

CHROMIUM = shutil.which("chromium")
JAVA = shutil.which("java")


def _vnu_jar() -> Path | None:
    npm = shutil.which("npm")
    if npm is None:
        return None
    root = subprocess.run([npm, "root", "--global"], capture_output=True, text=True, check=False).stdout.strip()
    jar = Path(root, "vnu-jar", "build", "dist", "vnu.jar")
    return jar if root and jar.is_file() else None


def page_of(paths: list[Path], out: Path, *options: str, status: int | None = None) -> str:
    code = main(["check", *map(str, paths), "--format", "html", "-o", str(out), *options])
    if status is not None:
        assert code == status
    return out.read_text(encoding="utf-8")


def findings_of(paths: list[Path], *options: str) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder, "out.json")
        main(["check", *map(str, paths), "--format", "json", "-o", str(out), *options])
        files = json.loads(out.read_text(encoding="utf-8"))["files"]
    return [f for file in files for f in file["findings"]]


def parsed(page: str) -> HtmlElement:
    tree: HtmlElement = lxml.html.document_fromstring(page)
    return tree


def classes(element: HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def text(element: HtmlElement) -> str:
    return "".join(element.itertext())


def culprits(tree: HtmlElement) -> list[HtmlElement]:
    return [cell for cell in tree.iter("td") if "culprit" in classes(cell)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Several reports: the examples, a one-wrong-cell report, and a Word document."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("clean.txt", "faulty.txt"):
        shutil.copy(EXAMPLES / name, reports / name)
    (reports / "示例县自然资源局2025.txt").write_text(ONE_WRONG_CELL, encoding="utf-8")
    word_document((EXAMPLES / "faulty.txt").read_text(encoding="utf-8"), reports / "2025年度报告.docx")
    return reports


def test_html_is_a_format() -> None:
    assert "html" in FORMATS
    from checks.cli import REPORT_FORMATS

    assert tuple(REPORT_FORMATS) == FORMATS


# Every finding, where it belongs -------------------------------------------------------------------------------


def test_every_finding_of_the_faulty_example_is_on_the_page(tmp_path: Path) -> None:
    faulty = EXAMPLES / "faulty.txt"
    tree = parsed(page_of([faulty], tmp_path / "out.html", status=1))
    expected = findings_of([faulty])
    items = [li for li in tree.iter("li") if "finding" in classes(li)]
    assert len(items) == len(expected) == 10
    shown = sorted((li.find_class("rule")[0].text_content(), li.find_class("msg")[0].text_content()) for li in items)
    assert shown == sorted((f["rule"], f["message"]) for f in expected)
    # Grouped by part: the 表三 findings under part 三, the 统计期限 (preamble) under 其他.
    groups = {text(h4): text(h4.getnext()) for h4 in tree.iter("h4") if h4.getnext() is not None}
    assert "A001" in groups["三、收到和处理政府信息公开申请情况"]
    assert "A004" in groups["四、政府信息公开行政复议、行政诉讼情况"]
    assert "R006" in next(body for heading, body in groups.items() if heading.startswith("其他"))


def test_a_folder_page_has_every_finding_a_sortable_summary_and_a_chart(folder: Path, tmp_path: Path) -> None:
    tree = parsed(page_of([folder], tmp_path / "out.html", status=1))
    expected = findings_of([folder])
    items = [li for li in tree.iter("li") if "finding" in classes(li)]
    assert sorted(li.find_class("msg")[0].text_content() for li in items) == sorted(f["message"] for f in expected)
    summary = tree.get_element_by_id("files")
    rows = summary.find("tbody").findall("tr")
    assert len(rows) == 4 == len(tree.find_class("file"))
    heads = [text(th) for th in summary.find("thead").iter("th")]
    assert heads[:3] == ["文件", "错误", "警告"] and {"A", "R", "T", "X"} <= set(heads[3:])
    by_file = {text(row[0]): [int(text(cell)) for cell in row[1:3]] for row in rows}
    assert by_file[str(folder / "faulty.txt")] == [6, 4]
    assert by_file[str(folder / "clean.txt")] == [0, 0]
    # Without the script everything is shown: the filter box waits hidden for the script, no row is hidden.
    assert tree.get_element_by_id("filter").get("hidden") is not None
    assert not any(row.get("hidden") is not None for row in rows)
    bars = {text(g.find("text")): g for g in tree.iter("{http://www.w3.org/2000/svg}g", "g")}
    counts: dict[str, int] = {}
    for f in expected:
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
    assert set(bars) == set(counts)
    assert all(text(bars[code].findall("text")[1]).startswith(f"{n}") for code, n in counts.items())


def test_a_missing_part_is_a_gap_in_the_outline(tmp_path: Path) -> None:
    report = tmp_path / "示例县自然资源局2025.txt"
    report.write_text(CLEAN_TEXT.replace("五、存在的主要问题及改进情况", "存在的主要问题及改进情况"), encoding="utf-8")
    tree = parsed(page_of([report], tmp_path / "out.html", status=1))
    outline = tree.find_class("outline")[0]
    gaps = [li for li in outline if "gap" in classes(li)]
    assert len(gaps) == 1 and "五、存在的主要问题及改进情况" in text(gaps[0]) and "缺少" in text(gaps[0])
    assert len([li for li in outline if "present" in classes(li)]) == 5
    heading = next(h4 for h4 in tree.iter("h4") if text(h4) == "五、存在的主要问题及改进情况")
    assert "R001" in text(heading.getnext())


# The tables on the official grid ---------------------------------------------------------------------------------


def _culprit_checked(tree: HtmlElement, expected: str) -> None:
    """The one culprit cell: 6 as written, 「应为 5」 shown, linked to the findings naming it, in its row."""
    [cell] = culprits(tree)
    assert "flag" in classes(cell) and "error" in classes(cell)
    assert text(cell).startswith("6") and expected in text(cell)
    marks = [a.get("href") for a in cell.iter("a")]
    assert len(marks) == 2  # A001 (its row) and A002 (its column)
    for href in marks:
        [finding] = tree.xpath(f"//*[@id='{href[1:]}']")
        assert finding.find_class("rule")[0].text_content() in ("A001", "A002")
    row = cell.getparent()
    assert any("（一）予以公开" in text(th) for th in row.iter("th"))


def test_the_wrong_cell_is_marked_with_the_value_that_balances_the_table(tmp_path: Path) -> None:
    report = tmp_path / "示例县自然资源局2025.txt"
    report.write_text(ONE_WRONG_CELL, encoding="utf-8")
    tree = parsed(page_of([report], tmp_path / "out.html", status=1))
    _culprit_checked(tree, "应为 5")
    # The totals its error breaks are flagged too, without a value of their own.
    flagged = [td for td in tree.iter("td") if "flag" in classes(td)]
    assert len(flagged) == 3 and sum("应为" in text(td) for td in flagged) == 1


def test_the_tables_are_drawn_with_the_official_merged_cells(tmp_path: Path) -> None:
    tree = parsed(page_of([EXAMPLES / "clean.txt"], tmp_path / "out.html", status=0))
    table3 = next(t for t in tree.iter("table") if text(t.find("caption")) == "表三")
    note = next(th for th in table3.iter("th") if "勾稽关系" in text(th))
    assert (note.get("rowspan"), note.get("colspan")) == ("3", "3")
    applicants = next(th for th in table3.iter("th") if text(th) == "申请人情况")
    assert applicants.get("colspan") == "7"
    results = next(th for th in table3.iter("th") if text(th) == "三、本年度办理结果")
    assert results.get("rowspan") == "22"
    table4 = next(t for t in tree.iter("table") if text(t.find("caption")) == "表四")
    review = next(th for th in table4.iter("th") if text(th) == "行政复议")
    assert review.get("colspan") == "5"
    assert len(tree.find_class("flag")) == 0 and tree.find_class("clean")


def test_a_word_document_is_drawn_and_its_cells_marked(tmp_path: Path) -> None:
    report = tmp_path / "示例县自然资源局2025.docx"
    word_document(ONE_WRONG_CELL, report)
    tree = parsed(page_of([report], tmp_path / "out.html", status=1))
    _culprit_checked(tree, "应为 5")
    places = [li.find_class("pos")[0].text_content() for li in tree.iter("li") if "finding" in classes(li)]
    assert places and all(place.startswith("第 2 个表格") for place in places)


# Safe and self-contained -----------------------------------------------------------------------------------------


def test_hostile_text_from_a_report_stays_text(tmp_path: Path) -> None:
    report = tmp_path / "<img src=x onerror=alert(2)>.txt"
    hostile = CLEAN_TEXT.replace("行政规范性文件\t2", f"行政规范性文件{HOSTILE}\t2").replace(CLEAN_ROW, WRONG_ROW)
    report.write_text(hostile, encoding="utf-8")
    page = page_of([report, EXAMPLES / "clean.txt"], tmp_path / "out.html", status=1)
    tree = parsed(page)
    scripts = list(tree.iter("script"))
    assert len(scripts) == 1 and "alert" not in text(scripts[0])
    assert not list(tree.iter("img"))
    assert HOSTILE not in page and "<!--" not in page
    assert any(HOSTILE in text(element) for element in tree.iter("th", "span"))  # shown as the text it is
    assert str(report.name) in text(tree.find("body"))
    assert len(culprits(tree)) == 1  # the page around it still works


def test_no_external_requests(folder: Path, tmp_path: Path) -> None:
    page = page_of([folder], tmp_path / "out.html")
    tree = parsed(page)
    for element in tree.iter():
        for name in ("src", "href", "action", "srcset", "data", "poster"):
            value = element.get(name)
            assert value is None or value.startswith("#"), (element.tag, name, value)
    assert not list(tree.iter("link", "img", "iframe", "object", "embed", "base"))
    style = "".join(text(s) for s in tree.iter("style"))
    assert "url(" not in style and "@import" not in style
    assert "@media print" in style  # readable on paper: a print stylesheet


def test_english(tmp_path: Path) -> None:
    report = tmp_path / "示例县自然资源局2025.txt"
    report.write_text(ONE_WRONG_CELL, encoding="utf-8")
    tree = parsed(page_of([report, EXAMPLES / "clean.txt"], tmp_path / "out.html", "--lang", "en", status=1))
    assert tree.get("lang") == "en"
    headings = [text(h) for h in tree.iter("h2", "h3", "h4")]
    assert "Summary" in headings and "Findings by part" in headings and "3. Requests received and handled" in headings
    _culprit_checked(tree, "expected 5")
    messages = [li.find_class("msg")[0].text_content() for li in tree.iter("li") if "finding" in classes(li)]
    assert messages and all("likely culprit" in m for m in messages)
    assert "错误" not in text(tree.find("body")).replace("示例县自然资源局", "")


def test_a_crash_and_an_unreadable_file_still_appear(tmp_path: Path) -> None:
    unread = Finding("I001", Position(1, 1), Message("无法读取", "unreadable"), Severity.ERROR)
    results = [
        FileResult("broken.txt", (), crash="Traceback (most recent call last):\n  <boom>\n"),
        FileResult("empty.txt", (unread,)),
    ]
    out = tmp_path / "out.html"
    with out.open("w", encoding="utf-8") as stream:
        html.write(results, stream, Options())
    tree = parsed(out.read_text(encoding="utf-8"))
    [crash] = tree.find_class("crash")
    assert "内部错误" in text(crash) and "<boom>" in text(crash)
    assert [text(li.find_class("msg")[0]) for li in tree.iter("li") if "finding" in classes(li)] == ["无法读取"]
    assert len(tree.get_element_by_id("files").find("tbody")) == 2


def test_no_report_found_is_still_a_page(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    tree = parsed(page_of([empty], tmp_path / "out.html", status=0))
    assert "共检查 0 个文件" in text(tree.find("body"))


# The run carries the models for html alone -----------------------------------------------------------------------


def test_models_come_back_from_workers_only_when_asked_for(folder: Path) -> None:
    drawn = run([folder], Config(), parallel_min=1, workers=2, model=True)
    assert all(r.report is not None for r in drawn)
    assert all(r.report is not None and r.report.spec is get(r.report.spec.key) for r in drawn)
    assert all(r.report is not None and not r.report.lines for r in drawn)
    assert all(r.report is None for r in run([folder], Config(), parallel_min=1, workers=2))


# Rendered and validated ------------------------------------------------------------------------------------------


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if CHROMIUM is None:
        pytest.skip("chromium not installed (apt-get install chromium; .ci/run installs it): the page is not rendered")
    profile = tmp_path / "chromium-profile"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True)


def test_chromium_shows_the_wrong_cell_and_runs_the_script(folder: Path, tmp_path: Path) -> None:
    page = tmp_path / "out.html"
    page_of([folder], page, status=1)
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    tree = parsed(dom)
    [section] = [s for s in tree.find_class("file") if text(s.find("h2")).endswith("示例县自然资源局2025.txt")]
    _culprit_checked(section, "应为 5")
    assert len(culprits(tree)) == 3  # and those of faulty.txt and its Word copy
    # The script ran: the filter box is shown and each heading of the summary table is a sort button.
    assert tree.get_element_by_id("filter").get("hidden") is None
    assert len(tree.get_element_by_id("files").find("thead").findall(".//button")) >= 3
    shot = tmp_path / "page.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,2000", page.as_uri())
    assert shot.stat().st_size > 10_000


def test_the_summary_table_sorts_and_filters_in_chromium(folder: Path, tmp_path: Path) -> None:
    page = tmp_path / "out.html"
    written = page_of([folder], page, status=1)
    # What a reader does: click the errors heading, then type in the filter box.
    clicks = (
        "<script>document.querySelectorAll('#files thead button')[1].click();"
        "var box = document.getElementById('filter-text'); box.value = 'TXT';"
        "box.dispatchEvent(new Event('input'));</script>"
    )
    page.write_text(written.replace("</body>", clicks + "</body>"), encoding="utf-8")
    tree = parsed(_chromium(tmp_path, "--dump-dom", page.as_uri()).stdout)
    table = tree.get_element_by_id("files")
    assert table.find("thead").findall("tr/th")[1].get("aria-sort") == "descending"
    rows = table.find("tbody").findall("tr")
    errors = [int(text(row[1])) for row in rows]
    assert errors == sorted(errors, reverse=True) and errors[0] == 6
    shown = [text(row[0]) for row in rows if row.get("hidden") is None]
    assert shown and all(name.endswith(".txt") for name in shown) and len(shown) == 3


def test_the_pages_are_valid_html5(folder: Path, tmp_path: Path) -> None:
    jar = _vnu_jar()
    if JAVA is None or jar is None:
        pytest.skip("the Nu Html Checker needs Java and npm's vnu-jar (npm install -g vnu-jar, as .ci/run does)")
    pages = [tmp_path / "folder.html", tmp_path / "faulty.html", tmp_path / "en.html", tmp_path / "hostile.html"]
    page_of([folder, ROOT / "tests" / "data" / "real-reports"], pages[0])
    page_of([EXAMPLES / "faulty.txt"], pages[1])
    page_of([folder], pages[2], "--lang", "en")
    hostile = tmp_path / "hostile" / "示例县自然资源局2025.txt"
    hostile.parent.mkdir()
    hostile.write_text(CLEAN_TEXT.replace("行政规范性文件\t2", f"行政规范性文件{HOSTILE}\t2"), encoding="utf-8")
    page_of([hostile], pages[3])
    checked = subprocess.run(
        [JAVA, "-jar", str(jar), "--also-check-svg", *map(str, pages)], capture_output=True, text=True, timeout=300
    )
    assert checked.returncode == 0, checked.stderr
