"""Benchmarks a newcomer can run: ``python bench/bench.py`` inside the project's virtualenv (POSIX only).

For a comparison with check-jsonschema, install it first: ``pip install -e '.[bench]'``. Without it, only this
project's figures are printed. At the defaults a run takes two to three minutes.

It measures, in one run on one machine, this project (``python -m checks check``, all checks) on
``examples/clean.txt`` in every source format it reads, and ``check-jsonschema --schemafile
schemas/report.schema.json`` (the schema alone) on the YAML form. The ``.md`` and ``.yaml`` forms are made by
``zfxxgk-lint convert``; the ``.html`` and ``.docx`` forms by this script, as an office publishes them (below:
``html_page``, ``word_document``), every form reading as the same clean report:

1. the whole process for one report in each format, each alone in a temporary folder: the median wall time and the
   median CPU time (user + system, of the process and of any child it waited for, from ``os.wait4``) of
   ``BENCH_RUNS`` runs (21) of each command, the commands taking turns so that a change in the machine's load
   touches all of them alike, and a bare ``python -c pass`` among them, the floor of every figure and a gauge of
   the machine's speed in this run; each figure next to check-jsonschema's on the YAML form, and each format's CPU
   time next to the ``.txt``'s (CPU time, which other work on a shared machine moves less than the wall clock);
2. the time per report over ``BENCH_COPIES`` copies (2000) in one call, ``.txt`` and ``.yaml``: this project is
   given the folder (a long run spreads over all cores); check-jsonschema is given the file names, in as few calls
   as keep each command line under ``ARG_BYTES`` (as xargs would; 2000 names take one call), and the calls' times
   are added up;
3. the peak memory (largest resident size of the process or of any worker it waited for, from ``os.wait4``) of
   this project's run over ``BENCH_SMALL`` (200) and ``BENCH_COPIES`` reports, ``.txt`` and ``.yaml``.

Each run gets the environment less ``PYTHONDONTWRITEBYTECODE``, as a user's run: ``.pyc`` files are written once
and then used (a shell that sets it would make every run compile every module, and time the compiler). Nothing
here uses the network: check-jsonschema reads the schema from its local path.

The last lines say which targets hold: issue 6's (``.txt`` and ``.yaml`` against check-jsonschema, per report in a
batch, memory) and the formats' (one ``.html`` and one ``.docx`` report at most ``MAX_OF_TXT`` (2) times the ``.txt``'s
CPU time). Figures go in the README with the date and the machine, which the first lines print.
``BENCH_COPIES=200 BENCH_SMALL=20 BENCH_RUNS=5 python bench/bench.py`` is a quick run.
"""

from __future__ import annotations

import html
import importlib.metadata
import importlib.util
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "clean.txt"
SCHEMA = ROOT / "schemas" / "report.schema.json"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# Both tools are started the same way, as modules of this interpreter: the checkout's code, whatever PATH holds.
LINT = [sys.executable, "-m", "checks", "check"]
CJ = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA)]
ARG_BYTES = 100_000  # file names per check-jsonschema call: far below any system's limit (Linux: 2 MiB)
FORMATS = (".txt", ".md", ".yaml", ".html", ".docx")

# What issue 6 asks of the figures.
MAX_SHARE_OF_CJ = 0.5  # one report, whole process: at most half of check-jsonschema's time on the same report
MAX_MS_PER_REPORT = 5.0
MIN_SPEEDUP = 4.0  # many reports: at least this many times faster per report than check-jsonschema
MAX_MEMORY_GROWTH = 1.2  # peak memory at BENCH_COPIES reports within 20% of that at BENCH_SMALL
# A page or a Word document costs more than its text (a parser to import, a tree to build), but not much more.
MAX_OF_TXT = 2.0  # one .html or .docx report, whole process: at most this many times the .txt's CPU time
OF_TXT = (".html", ".docx")


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system time of the process and of the children it waited for (its workers)
    peak_mib: float  # the largest resident size of the process or of any child it waited for
    status: int


def run(command: Sequence[str], cwd: Path) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # wait4, not getrusage(RUSAGE_CHILDREN): that one is the largest of every child this script ever had.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)  # macOS: bytes; Linux: KiB
    return Run(seconds, usage.ru_utime + usage.ru_stime, peak, process.returncode)


def total(runs: Sequence[Run]) -> Run:
    """Several calls taken as one: times added up, the largest peak, the worst status."""
    return Run(
        sum(r.seconds for r in runs),
        sum(r.cpu for r in runs),
        max(r.peak_mib for r in runs),
        max(r.status for r in runs),
    )


def median(runs: Sequence[Run]) -> Run:
    """The median wall time and the median CPU time of several runs of one command (each taken on its own)."""
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.peak_mib for r in runs),
        max(r.status for r in runs),
    )


def cj_available() -> bool:
    return importlib.util.find_spec("check_jsonschema") is not None


def version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def load() -> str:
    return " ".join(f"{figure:.2f}" for figure in os.getloadavg())


# --- the report as a page and as a Word document ----------------------------------------------------------------
# As tests/documents.py builds them (this script imports nothing from the tests, and needs no python-docx): the
# text form's tab-separated tables get their merged cells back, so that reading a page or a document expands them
# into the official grid again and it reads as the text form does.


@dataclass(frozen=True)
class Merged:
    """A cell of a table with its spans; ``row``/``column`` say where it starts in the grid."""

    text: str
    row: int
    column: int
    down: int
    across: int


def text_blocks(text: str) -> Iterator[str | list[list[str]]]:
    """The report's paragraphs (lines) and tables (runs of tab-separated lines, as grids), in order."""
    table: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            yield table
            table = []
        if line.strip():
            yield line.strip()
    if table:
        yield table


def merged_cells(rows: list[list[str]]) -> list[Merged]:
    """The cells of a grid with their spans: a cell takes in the empty cells to its right, then the rows below whose
    cells under it are all empty; an empty cell with nothing before it in its row is a cell of its own."""
    covered: set[tuple[int, int]] = set()
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) in covered or (not text and any(row[:c])):
                continue
            across = 1
            while c + across < len(row) and not row[c + across] and (r, c + across) not in covered:
                across += 1
            down = 1
            while r + down < len(rows) and all(
                c + i < len(rows[r + down]) and not rows[r + down][c + i] and (r + down, c + i) not in covered
                for i in range(across)
            ):
                down += 1
            covered.update((r + i, c + j) for i in range(down) for j in range(across))
            cells.append(Merged(text, r, c, down, across))
    return cells


def html_page(text: str) -> str:
    """The report as a site publishes it: the site's navigation, breadcrumb and footer around the text."""
    body = []
    for block in text_blocks(text):
        if isinstance(block, str):
            body.append(f"<p>{html.escape(block)}</p>")
            continue
        rows: dict[int, list[str]] = {}
        for cell in merged_cells(block):
            spans = (f' rowspan="{cell.down}"' if cell.down > 1 else "") + (
                f' colspan="{cell.across}"' if cell.across > 1 else ""
            )
            rows.setdefault(cell.row, []).append(f"<td{spans}>{html.escape(cell.text)}</td>")
        lines = "\n".join(f"  <tr>{''.join(rows.get(r, []))}</tr>" for r in range(len(block)))
        body.append(f'<table border="1">\n{lines}\n</table>')
    page = "\n".join(body)
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>报告</title>\n'
        "<script>var a = '一、总体情况';</script>\n</head>\n<body>\n"
        '<div class="top-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>\n'
        '<div class="dqwz">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 年度报告</div>\n'
        f"<div class='article'>\n{page}\n</div>\n"
        '<div class="footer"><p>版权所有：示例县人民政府　网站标识码：0000000000</p></div>\n</body>\n</html>\n'
    )


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
# An official document's body text: 仿宋_GB2312 三号 (16 pt), as offices set it by hand on every run.
_RUN_PROPERTIES = (
    '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/>'
    '<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>'
)


def _runs(text: str) -> str:
    """A paragraph's runs as Word saves them: digits in runs of their own (Word tags their language apart)."""
    out = []
    for piece in re.split(r"(\d+)", text):
        if piece:
            space = ' xml:space="preserve"' if piece != piece.strip() else ""
            out.append(f"<w:r>{_RUN_PROPERTIES}<w:t{space}>{html.escape(piece, quote=False)}</w:t></w:r>")
    return "".join(out)


def _paragraph(text: str, *, centred: bool = False) -> str:
    layout = (
        '<w:jc w:val="center"/>'
        if centred
        else '<w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLine="640"/>'
    )
    return f"<w:p><w:pPr>{layout}</w:pPr>{_runs(text)}</w:p>"


def _table(block: list[list[str]]) -> str:
    """A table with its merged cells merged: ``w:gridSpan`` across, ``w:vMerge`` down; a row with cells left out ends
    early, as Word draws it."""
    width = max(map(len, block))
    owners: dict[tuple[int, int], Merged] = {}
    for cell in merged_cells(block):
        for r in range(cell.row, cell.row + cell.down):
            owners[(r, cell.column)] = cell
    rows = []
    for r, row in enumerate(block):
        cells = []
        c = 0
        while c < len(row):
            owner = owners.get((r, c))
            across = owner.across if owner is not None else 1
            properties = '<w:tcW w:w="0" w:type="auto"/>' + (f'<w:gridSpan w:val="{across}"/>' if across > 1 else "")
            if owner is not None and owner.down > 1:
                properties += '<w:vMerge w:val="restart"/>' if owner.row == r else "<w:vMerge/>"
            text = owner.text if owner is not None and owner.row == r else ""
            content = _paragraph(text, centred=True) if text else '<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>'
            cells.append(f'<w:tc><w:tcPr>{properties}<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>')
            c += across
        rows.append(f'<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>{"".join(cells)}</w:tr>')
    grid = '<w:gridCol w:w="1000"/>' * width
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _styles() -> str:
    """The styles part as Word writes it: defaults, a latent-style entry for each of the ~370 built-in styles Word
    knows (most of a real styles.xml's 30–40 KB; named here by number), and the styles the document uses."""
    latent = "".join(
        f'<w:lsdException w:name={quoteattr(f"Built-in style {number}")} w:semiHidden="1" w:uiPriority="{number}" '
        'w:unhideWhenUsed="1"/>'
        for number in range(370)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{_W}">'
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/>'
        '<w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
        "<w:pPrDefault/></w:docDefaults>"
        f'<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:count="371">{latent}</w:latentStyles>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
        '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
        "</w:styles>"
    )


def word_document(text: str, path: Path) -> None:
    """The report as a Word document (.docx): its paragraphs and tables in the parts a Word file has for them."""
    body = "".join(_paragraph(block) if isinstance(block, str) else _table(block) for block in text_blocks(text))
    section = (  # A4, the margins of the national standard for official documents (GB/T 9704)
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
        'w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}" '
        f'xmlns:r="{_RELATIONSHIP}"><w:body>{body}{section}</w:body></w:document>'
    )
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    types = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{_PACKAGE}/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/></Types>'
    )

    def relationships(kind: str, target: str) -> str:
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PACKAGE}/relationships">'
            f'<Relationship Id="rId1" Type="{_RELATIONSHIP}/{kind}" Target="{target}"/></Relationships>'
        )

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", relationships("officeDocument", "word/document.xml"))
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", relationships("styles", "styles.xml"))
        archive.writestr("word/styles.xml", _styles())


def forms(base: Path) -> dict[str, Path]:
    """examples/clean.txt in every format: the format's suffix -> the file, each alone in a folder of its own. Alone,
    since the cross-year rules index the reports beside a file (and parse a page or a Word document whole to find
    its title): a sibling would be timed with it."""
    made = base / "made"
    made.mkdir()
    text = REPORT.read_text(encoding="utf-8")
    shutil.copyfile(REPORT, made / "report.txt")
    for suffix in (".md", ".yaml"):  # convert also writes what a report needs beside it, left behind here
        command = [sys.executable, "-m", "checks", "convert", str(made / "report.txt"), "--to", suffix[1:], "-o"]
        done = subprocess.run([*command, str(made / f"report{suffix}")], cwd=ROOT, env=ENV, capture_output=True)
        if done.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{done.stderr.decode(errors='replace')}")
    (made / "report.html").write_text(html_page(text), encoding="utf-8")
    word_document(text, made / "report.docx")
    reports = {}
    for suffix in FORMATS:
        folder = base / f"alone{suffix}"
        folder.mkdir()
        reports[suffix] = folder / f"report{suffix}"
        shutil.copyfile(made / f"report{suffix}", reports[suffix])
    return reports


# --- the three measurements -----------------------------------------------------------------------------------


def copies(source: Path, folder: Path, count: int) -> list[str]:
    """``count`` copies of ``source`` in ``folder``; their names."""
    folder.mkdir()
    names = [f"report-{number:05}{source.suffix}" for number in range(count)]
    for name in names:
        shutil.copyfile(source, folder / name)
    return names


def cj_batches(names: Sequence[str]) -> list[list[str]]:
    """The file names cut into command lines of at most ARG_BYTES bytes of names."""
    batches: list[list[str]] = [[]]
    size = 0
    for name in names:
        length = len(os.fsencode(name)) + 1
        if batches[-1] and size + length > ARG_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(name)
        size += length
    return batches


def whole_process(commands: dict[str, tuple[list[str], Path]], runs: int) -> dict[str, Run]:
    """The median wall and CPU time of each command, the commands taking turns."""
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            results[name].append(run(command, cwd))
    return {name: median(values) for name, values in results.items()}


# --- printing -------------------------------------------------------------------------------------------------


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  " + "  ".join(cells).rstrip())


def verdict(holds: bool) -> str:
    return "holds" if holds else "DOES NOT HOLD"


def warn_status(name: str, result: Run) -> None:
    if result.status != 0:
        print(f"  !! {name} exited {result.status} (expected 0 for a clean report): its figure may mislead")


def lint_name(suffix: str) -> str:
    return f"zfxxgk-lint, {suffix}, all checks"


def ratio(part: float, whole: float | None) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def main() -> None:
    sys.path.insert(0, str(ROOT))  # `python bench/bench.py` puts bench/, not the project, on the path
    from checks import __version__
    from checks.run import workers_for

    count = int(os.environ.get("BENCH_COPIES", "2000"))
    small = int(os.environ.get("BENCH_SMALL", "200"))
    runs = int(os.environ.get("BENCH_RUNS", "21"))
    with_cj = cj_available()

    print(
        f"{time.strftime('%Y-%m-%d')} · {platform.python_implementation()} {platform.python_version()} · "
        f"{platform.system()} {platform.machine()} · {cpu_model()} · {usable_cores()} usable cores "
        f"(of {os.cpu_count()})"
    )
    print(
        f"zfxxgk-lint {__version__} · jsonschema {version('jsonschema')} · jsonschema-rs {version('jsonschema-rs')} · "
        f"ruamel.yaml {version('ruamel.yaml')} · ruamel.yaml.clib {version('ruamel.yaml.clib')} · "
        f"lxml {version('lxml')} · "
        f"check-jsonschema {version('check-jsonschema')}"
    )
    print(f"load average (1, 5, 15 min) at the start: {load()}")
    if not with_cj:
        print("check-jsonschema is not installed: `pip install -e '.[bench]'` adds it; this project's figures only.")

    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        # Each report alone in a folder outside any repository: inside one, the cross-year rules also search the
        # repository for last year's report, which costs what that repository holds.
        reports = forms(base)
        txt, yaml = reports[".txt"], reports[".yaml"]

        # 1. one report, whole process ------------------------------------------------------------------------
        commands = {lint_name(suffix): ([*LINT, str(path)], ROOT) for suffix, path in reports.items()}
        sizes = {lint_name(suffix): path.stat().st_size for suffix, path in reports.items()}
        cj_name = "check-jsonschema, .yaml, schema only"
        sizes[cj_name] = yaml.stat().st_size
        if with_cj:
            commands[cj_name] = ([*CJ, yaml.name], yaml.parent)
        # The floor every command stands on, and a gauge of the machine's speed during this run.
        commands["python -c pass (a bare start)"] = ([sys.executable, "-c", "pass"], base)
        for name, (command, cwd) in commands.items():  # untimed: writes .pyc files, fills the file cache
            warn_status(name, run(command, cwd))
        medians = whole_process(commands, runs)
        cj_one = medians.get(cj_name)
        txt_one = medians[lint_name(".txt")]
        print(f"\n1. one report (examples/clean.txt in each format), whole process, median of {runs} runs")
        table(
            ["command", "bytes", "ms", "CPU ms", "÷ check-jsonschema", "CPU ÷ check-jsonschema", "CPU ÷ .txt"],
            [
                [
                    name,
                    f"{sizes[name]:,}" if name in sizes else "-",
                    f"{result.seconds * 1000:.0f}",
                    f"{result.cpu * 1000:.0f}",
                    ratio(result.seconds, cj_one.seconds if cj_one else None),
                    ratio(result.cpu, cj_one.cpu if cj_one else None),
                    ratio(result.cpu, txt_one.cpu) if name.startswith("zfxxgk-lint") else "-",
                ]
                for name, result in medians.items()
            ],
        )

        # 2. many reports in one call; 3. peak memory ---------------------------------------------------------
        print(f"\n2. {count:,} reports in one call (workers: processes this project uses; CPU: all its processes)")
        batch: dict[str, Run] = {}
        memory_small: dict[str, Run] = {}
        for suffix, source in ((".txt", txt), (".yaml", yaml)):
            folder = base / f"many{suffix}"
            names = copies(source, folder, count)
            batch[f"zfxxgk-lint, {suffix}"] = run([*LINT, str(folder)], ROOT)
            if suffix == ".yaml" and with_cj:
                calls = [run([*CJ, *names_], folder) for names_ in cj_batches(names)]
                batch[f"check-jsonschema, .yaml ({len(calls)} call{'s' if len(calls) > 1 else ''})"] = total(calls)
            small_folder = base / f"small{suffix}"
            copies(source, small_folder, small)
            memory_small[suffix] = run([*LINT, str(small_folder)], ROOT)
        cj_many = next((r for name, r in batch.items() if name.startswith("check-jsonschema")), None)
        rows = []
        for name, result in batch.items():
            workers = workers_for(count) if name.startswith("zfxxgk-lint") else 1
            speedup = f"{cj_many.seconds / result.seconds:.1f}" if cj_many else "-"
            rows.append(
                [
                    name,
                    f"{result.seconds * 1000 / count:.2f}",
                    f"{result.cpu * 1000 / count:.2f}",
                    str(workers),
                    f"{result.peak_mib:.0f}",
                    speedup,
                ]
            )
            warn_status(name, result)
        table(["command", "ms/report", "CPU ms/report", "workers", "peak MiB", "× check-jsonschema"], rows)

        print(f"\n3. peak memory of this project's run (largest process), {small:,} and {count:,} reports")
        growth: dict[str, float] = {}
        rows = []
        for suffix, result in memory_small.items():
            large = batch[f"zfxxgk-lint, {suffix}"]
            growth[suffix] = large.peak_mib / result.peak_mib
            rows.append([suffix, f"{result.peak_mib:.1f}", f"{large.peak_mib:.1f}", f"{growth[suffix]:.2f}"])
        table(["source", f"{small:,} MiB", f"{count:,} MiB", "ratio"], rows)

    print(f"\nload average at the end: {load()} (other work on the machine slows every figure above)")
    print("\nwhat must hold (issue 6; the formats' target)")
    targets: list[tuple[bool, str]] = []
    for suffix in (".txt", ".yaml"):
        seconds = medians[lint_name(suffix)].seconds
        ours = batch[f"zfxxgk-lint, {suffix}"]
        per_report = ours.seconds * 1000 / count
        if cj_one:
            share = f"{seconds * 1000:.0f} of {cj_one.seconds * 1000:.0f} ms"
            targets.append(
                (
                    seconds <= MAX_SHARE_OF_CJ * cj_one.seconds,
                    f"one {suffix} report: ≤ {MAX_SHARE_OF_CJ:.0%} of check-jsonschema's whole process ({share})",
                )
            )
        targets.append(
            (per_report <= MAX_MS_PER_REPORT, f"{count:,} {suffix} reports: ≤ {MAX_MS_PER_REPORT:g} ms per report")
        )
        if cj_many:
            faster = cj_many.seconds / ours.seconds
            targets.append(
                (
                    faster >= MIN_SPEEDUP,
                    f"{count:,} {suffix} reports: ≥ {MIN_SPEEDUP:g}× faster than check-jsonschema ({faster:.1f}×)",
                )
            )
        targets.append(
            (
                growth[suffix] <= MAX_MEMORY_GROWTH,
                f"peak memory, {suffix}: at {count:,} reports within {MAX_MEMORY_GROWTH - 1:.0%} of {small:,} "
                f"({growth[suffix]:.2f})",
            )
        )
    for suffix in OF_TXT:  # the one target for both: each is told apart, so that a miss names its format
        cpu = medians[lint_name(suffix)].cpu
        targets.append(
            (
                cpu <= MAX_OF_TXT * txt_one.cpu,
                f"one {suffix} report, whole process: ≤ {MAX_OF_TXT:g}× the .txt's CPU time "
                f"({cpu * 1000:.0f} of {txt_one.cpu * 1000:.0f} ms, {cpu / txt_one.cpu:.2f}×)",
            )
        )
    for holds, text in targets:
        print(f"  {verdict(holds):>13}  {text}")


if __name__ == "__main__":
    main()
