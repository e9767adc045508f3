"""Benchmarks a newcomer can run: ``python bench/bench.py`` inside the project's virtualenv (POSIX only).

For a comparison with check-jsonschema, install it first: ``pip install -e '.[bench]'``. Without it, only this
project's figures are printed. At the defaults a run takes four to six minutes on two cores; ``BENCH_LARGE=0``
leaves out the largest batch (10,000 reports, most of a minute).

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
2. batches: this project given a folder of ``BENCH_SMALL`` (200), ``BENCH_COPIES`` (2000) and ``BENCH_LARGE``
   (10000; 0: none) reports, ``.txt`` and ``.yaml``, and of ``BENCH_SMALL`` and ``BENCH_COPIES`` reports of all
   five formats in turn (mixed), one call each (a long run spreads over all cores): wall and CPU ms per report (CPU:
   all its processes, from ``os.wait4``), the workers it uses; check-jsonschema on the ``BENCH_COPIES`` ``.yaml``
   reports is given the file names, in as few calls as keep each command line under ``ARG_BYTES`` (as xargs would;
   2000 names take one call), the calls' times added up;
3. the peak memory (largest resident size of the process or of any worker it waited for, from ``os.wait4``) of
   each of those batches, and its growth from ``BENCH_SMALL`` reports to ``BENCH_COPIES`` and to ``BENCH_LARGE``;
4. a call as pre-commit makes it: one process given 1, 10 and 50 files by name, of each format and of the five in
   turn, each set alone in a folder (the cross-year rules read a file's neighbours): the median wall and CPU time of
   the whole process over ``BENCH_RUNS`` runs (at most ``MAX_HOOK_RUNS``, 11), and the cost of each file past the
   first, (t50 − t1) ÷ 49;
5. the plausible extremes (``EXTREMES``), each alone in a folder, whole process, median of at most
   ``MAX_EXTREME_RUNS`` (5) runs: a ``.txt`` report whose 表三 has 10,000 rows (``long_table``: it has findings,
   exit 1), a 4 MiB page with the report inside a big site's furniture (``site_page``: inline stylesheet, script and
   images, a menu, a layout table, columns of links), a ``.docx`` report of 50 tables (``with_tables``: its
   tables repeated after it), and a 10-page ``.pdf`` report (``ten_pages``: the prose of its parts lengthened,
   exported by LibreOffice from its Word form, or drawn by reportlab where LibreOffice is missing).

Each run gets the environment less ``PYTHONDONTWRITEBYTECODE``, as a user's run: ``.pyc`` files are written once
and then used (a shell that sets it would make every run compile every module, and time the compiler). Nothing
here uses the network: check-jsonschema reads the schema from its local path.

The last lines say which targets hold: issue 6's (``.txt`` and ``.yaml`` against check-jsonschema, per report in a
batch, memory), issue 16's (one ``.html`` and one ``.docx`` report at most ``MAX_OF_TXT`` (2) times the ``.txt``'s
CPU time) and issue 17's, close to the floor (CPU time unless in seconds): one report at most 0.30× check-jsonschema's
CPU time, 0.20× for ``.txt``/``.md``; each file past the first in a pre-commit call at most 3 ms (``.txt``, ``.md``,
``.yaml``), 6 ms (``.html``), 10 ms (``.docx``); at most 1.5 ms per ``.txt``/``.yaml`` report in every batch, 5 ms
per mixed one; peak memory at ``BENCH_LARGE`` reports at most 1.2× that at ``BENCH_SMALL``; the 4 MiB page in 1 s
and the 50-table document in 0.3 s of wall time; and issue 19's, the 10-page PDF in 1.5 s. Figures go in the README
with the date and the machine, which the first lines print. ``BENCH_COPIES=200 BENCH_SMALL=20 BENCH_RUNS=5
BENCH_LARGE=0 python bench/bench.py`` is a quick run (about a minute).
"""

from __future__ import annotations

import base64
import html
import importlib.metadata
import importlib.util
import itertools
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
# The checkout first on the path: its code, and the tests' document builders (tests/documents.py).
sys.path.insert(0, str(ROOT))
from tests.documents import Merged, article_html, merged_cells  # noqa: E402  (found through ROOT)
from tests.documents import blocks as text_blocks  # noqa: E402

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

# What issue 17 asks ("close to the floor"): CPU time, unless it says seconds.
MAX_CPU_OF_CJ = {".txt": 0.20, ".md": 0.20}  # one report, whole process: at most this share of check-jsonschema's
MAX_CPU_OF_CJ_ANY = 0.30  # ... for the other formats
MAX_MS_PER_ADDED_FILE = {".txt": 3.0, ".md": 3.0, ".yaml": 3.0, ".html": 6.0, ".docx": 10.0}  # pre-commit's call
MAX_CPU_MS_PER_REPORT = 1.5  # a batch of .txt or .yaml reports, per report, all processes
MAX_CPU_MS_PER_MIXED = 5.0  # a batch of all five formats
# (peak memory at BENCH_LARGE reports: at most MAX_MEMORY_GROWTH times that at BENCH_SMALL)
LONG_TABLE_ROWS = 10_000
BIG_PAGE_BYTES = 4 * 2**20
MANY_TABLES = 50
MAX_BIG_PAGE_SECONDS = 1.0  # wall clock, whole process
MAX_MANY_TABLES_SECONDS = 0.3
MAX_PDF_SECONDS = 1.5  # issue 19: a 10-page report PDF, whole process
# The extremes: file name -> what it is, and the most seconds its whole process may take (None: no target).
EXTREMES: dict[str, tuple[str, float | None]] = {
    "long-table.txt": (f"a .txt report, 表三 of {LONG_TABLE_ROWS:,} rows", None),
    "big-page.html": (f"a {BIG_PAGE_BYTES / 2**20:g} MiB .html page (a report in a big site)", MAX_BIG_PAGE_SECONDS),
    "many-tables.docx": (f"a .docx report of {MANY_TABLES} tables", MAX_MANY_TABLES_SECONDS),
    "ten-pages.pdf": ("a 10-page .pdf report (exported from Word)", MAX_PDF_SECONDS),
}
MIXED = "mixed"  # a set of all five formats in turn
HOOK_FILES = (1, 10, 50)  # files on pre-commit's command line
MAX_HOOK_RUNS = 11  # runs of each pre-commit call (at most BENCH_RUNS)
MAX_EXTREME_RUNS = 5


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
# With the tests' builders (tests/documents.py: the text form's tab-separated tables get their merged cells back,
# so that reading a page or a document expands them into the official grid again and it reads as the text form
# does); the Word document is written here, without python-docx, as Word saves one.


Block = str | list[list[str]]  # a paragraph (a line of the text form) or a table (its grid of cells)


def html_page(text: str) -> str:
    """The report as a site publishes it: the site's navigation, breadcrumb and footer around the text."""
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>报告</title>\n'
        "<script>var a = '一、总体情况';</script>\n</head>\n<body>\n"
        '<div class="top-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>\n'
        '<div class="dqwz">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 年度报告</div>\n'
        f"<div class='article'>\n{article_html(text)}\n</div>\n"
        '<div class="footer"><p>版权所有：示例县人民政府　网站标识码：0000000000</p></div>\n</body>\n</html>\n'
    )


# What a big site puts around an article: its columns' names and the titles of the pages they link to.
_COLUMNS = ("通知公告", "政策文件", "政务动态", "部门信息", "乡镇动态", "人事信息", "财政资金", "专题专栏")
_TITLES = (
    "关于印发{}年政务公开工作要点的通知",
    "示例县{}年国民经济和社会发展统计公报",
    "关于开展{}年安全生产大检查工作的通知",
    "示例县人民政府关于公布{}年度行政许可事项清单的公告",
    "{}年第三季度全县重点项目建设推进情况通报",
)


def site_page(text: str, size: int) -> str:
    """The report inside a big site's page of at most ``size`` bytes (UTF-8): a stylesheet, a script and images
    inline in the page (as a site's templates put them), a menu, and the article in the middle cell of a table that
    lays the page out, between columns of link lists (each a column's name and the titles of its latest pages), with
    more of them in the footer; the lists fill the page up to ``size``."""
    noise = random.Random(17)  # images of random bytes: what a JPEG's data is like to a parser (no structure)

    def image(kib: int) -> str:
        data = base64.b64encode(noise.randbytes(kib * 1024)).decode("ascii")
        return f'<img src="data:image/jpeg;base64,{data}" alt="">'

    links = itertools.count()

    def column(name: str) -> str:
        items = []
        for _ in range(40):
            n = next(links)
            year = 2000 + n % 26
            title = _TITLES[n % len(_TITLES)].format(year)
            items.append(f'<li><a href="/zwgk/{year}/art_{n:07}.html" target="_blank" title="{title}">{title}</a></li>')
        return (
            f'<div class="column"><h3><a href="/col/{_COLUMNS.index(name)}/">{name}</a></h3>\n<ul>\n'
            + "\n".join(items)
            + "\n</ul></div>"
        )

    style = "".join(f".c{n}{{margin:0 {n % 9}px;color:#{n * 2654435761 % 16**6:06x}}}" for n in range(3000))
    script = ";".join(f"function f{n}(a,b){{return a*{n}+b.length||f{n // 2}(b,a)}}" for n in range(6000))
    menu = "".join(f'<a href="/col/{n}/">{name}</a>' for n, name in enumerate(_COLUMNS * 4))
    head = (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>示例县人民政府 政府信息公开年度报告</title>\n'
        f"<style>{style}</style>\n<script>{script}</script>\n</head>\n<body>\n"
        f'<div class="header">{image(200)}</div>\n<div class="top-nav">{menu}</div>\n'
        '<table class="layout" width="1200" border="0" cellspacing="0" cellpadding="0"><tr>\n'
    )
    middle = (
        f'<td class="main" valign="top">{image(150)}\n'
        '<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>\n'
        f"<div class='article'>\n{article_html(text)}\n</div></td>\n"
    )
    tail = f"<p>版权所有：示例县人民政府　网站标识码：0000000000</p>\n{image(100)}</div>\n</body>\n</html>\n"
    left: list[str] = []
    right: list[str] = []
    footer: list[str] = []
    used = sum(len(part.encode()) for part in (head, middle, tail)) + 200  # and the cells' and footer's tags
    for n in itertools.count():
        block = column(_COLUMNS[n % len(_COLUMNS)])
        length = len(block.encode()) + 1
        if used + length > size:
            break
        (left, right, footer)[n % 3].append(block)
        used += length
    return (
        f'{head}<td class="left" width="260" valign="top">\n' + "\n".join(left) + "</td>\n"
        f'{middle}<td class="right" width="260" valign="top">\n' + "\n".join(right) + "</td>\n</tr></table>\n"
        '<div class="footer">\n' + "\n".join(footer) + "\n" + tail
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


def word_document(blocks: Iterable[Block], path: Path) -> None:
    """A report as a Word document (.docx): its paragraphs and tables (``text_blocks``) in the parts a Word file has
    for them."""
    body = "".join(_paragraph(block) if isinstance(block, str) else _table(block) for block in blocks)
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
    word_document(text_blocks(text), made / "report.docx")
    reports = {}
    for suffix in FORMATS:
        folder = base / f"alone{suffix}"
        folder.mkdir()
        reports[suffix] = folder / f"report{suffix}"
        shutil.copyfile(made / f"report{suffix}", reports[suffix])
    return reports


def long_table(text: str, rows: int) -> str:
    """The text form with 表三 grown to ``rows`` rows: rows of zeros under （六）其他处理, before （七）总计 (its sums
    still hold), as a table pasted with a spreadsheet's whole range would come."""
    lines = text.split("\n")
    total_at = next(i for i, line in enumerate(lines) if line.startswith("\t（七）总计"))
    start = total_at
    while "\t" in lines[start - 1]:
        start -= 1
    end = total_at
    while end < len(lines) and "\t" in lines[end]:
        end += 1
    width = len(lines[total_at].split("\t"))
    more = rows - (end - start)
    extra = ["\t".join(["", "", f"{n}.其他", *["0"] * (width - 3)]) for n in range(4, 4 + more)]
    return "\n".join([*lines[:total_at], *extra, *lines[total_at:]])


def with_tables(text: str, tables: int) -> list[Block]:
    """The report's blocks with its tables (those of more than one row) repeated after it, each under a line of its
    own, until it has ``tables`` tables."""
    blocks = list(text_blocks(text))
    grids = [block for block in blocks if isinstance(block, list) and len(block) > 1]
    for n in range(tables - sum(isinstance(block, list) for block in blocks)):
        blocks += [f"附表{n + 1}", grids[n % len(grids)]]
    return blocks


def pathological(base: Path) -> dict[str, Path]:
    """The plausible extremes (``EXTREMES``), each alone in a folder: its file name -> the file."""
    text = REPORT.read_text(encoding="utf-8")
    paths = {}
    for name in EXTREMES:
        folder = base / f"extreme-{Path(name).stem}"
        folder.mkdir()
        paths[name] = folder / name
    paths["long-table.txt"].write_text(long_table(text, LONG_TABLE_ROWS), encoding="utf-8")
    paths["big-page.html"].write_text(site_page(text, BIG_PAGE_BYTES), encoding="utf-8")
    word_document(with_tables(text, MANY_TABLES), paths["many-tables.docx"])
    if not pdf_report(ten_pages(text), paths["ten-pages.pdf"]):
        del paths["ten-pages.pdf"]
    return paths


def ten_pages(text: str) -> str:
    """The report with the prose of its parts as long as a 10-page report's: each paragraph of 总体情况 and of 存在的
    主要问题 followed by five more like it."""
    lines = []
    openings = ("2025年，我局", "全年新收", "严格执行", "完善门户", "将政务公开", "一是部分", "一是丰富")
    for line in text.split("\n"):
        lines.append(line)
        if line.startswith(openings):
            for quarter in range(1, 6):
                more = f"，并在第{quarter}季度开展专项检查，逐项核对公开内容，及时更新过时信息，确保信息准确、完整。"
                lines += ["", line.replace("2025年，", "").replace("。", more)]
    return "\n".join(lines)


def pdf_report(text: str, path: Path) -> bool:
    """The report as a PDF at ``path``, as an office exports it: its Word form (``convert --to docx``) exported by
    LibreOffice, where it is installed (10 pages), else drawn by the tests' reportlab drawer
    (tests/pdf_documents.py); False, with a note, when neither can be made or pdfplumber is missing."""
    if importlib.util.find_spec("pdfplumber") is None:
        print("pdfplumber is not installed (`pip install -e '.[pdf]'`): no .pdf figure.")
        return False
    source = path.with_suffix(".txt")
    source.write_text(text, encoding="utf-8")
    soffice = shutil.which("soffice")
    if soffice is not None:
        docx = path.with_suffix(".docx")
        command = [sys.executable, "-m", "checks", "convert", str(source), "--to", "docx", "-o", str(docx)]
        subprocess.run(command, cwd=ROOT, env=ENV, check=True, capture_output=True)
        profile = path.parent / "libreoffice-profile"
        export = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf"]
        subprocess.run([*export, "--outdir", str(path.parent), str(docx)], check=True, capture_output=True)
        shutil.rmtree(profile, ignore_errors=True)
        docx.unlink()
    elif importlib.util.find_spec("reportlab") is not None:
        from tests.pdf_documents import draw_report

        draw_report(text, path)
    else:
        print("neither LibreOffice (soffice) nor reportlab is installed: no .pdf figure.")
    source.unlink()
    return path.exists()


# --- the measurements -----------------------------------------------------------------------------------------


def copies(sources: Sequence[Path], folder: Path, count: int) -> list[str]:
    """``count`` files in ``folder``, copies of ``sources`` in turn; their names."""
    folder.mkdir()
    names = []
    for number in range(count):
        source = sources[number % len(sources)]
        names.append(f"report-{number:05}{source.suffix}")
        shutil.copyfile(source, folder / names[-1])
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


def whole_process(commands: dict[str, tuple[list[str], Path]], runs: int, *, clean: bool = True) -> dict[str, Run]:
    """The median wall and CPU time of each command, the commands taking turns, after a first untimed run of each
    (it writes .pyc files and fills the file cache). ``clean``: each reads clean reports (a finding is a warning)."""
    for name, (command, cwd) in commands.items():
        first = run(command, cwd)
        if clean:
            warn_status(name, first)
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


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def main() -> None:
    sys.path.insert(0, str(ROOT))  # `python bench/bench.py` puts bench/, not the project, on the path
    from checks import __version__
    from checks.run import workers_for

    count = int(os.environ.get("BENCH_COPIES", "2000"))
    small = int(os.environ.get("BENCH_SMALL", "200"))
    large = int(os.environ.get("BENCH_LARGE", "10000"))  # 0: no run of that many reports
    runs = int(os.environ.get("BENCH_RUNS", "21"))
    hook_runs = min(runs, MAX_HOOK_RUNS)
    extreme_runs = min(runs, MAX_EXTREME_RUNS)
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
    if not large:
        print("BENCH_LARGE=0: no run of the largest batch (and no verdict on its memory).")

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
                    ms(result.seconds),
                    ms(result.cpu),
                    ratio(result.seconds, cj_one.seconds if cj_one else None),
                    ratio(result.cpu, cj_one.cpu if cj_one else None),
                    ratio(result.cpu, txt_one.cpu) if name.startswith("zfxxgk-lint") else "-",
                ]
                for name, result in medians.items()
            ],
        )

        # 2. many reports in one call; 3. peak memory ---------------------------------------------------------
        counts = sorted({small, count, large} - {0})
        sets = {".txt": [txt], ".yaml": [yaml], MIXED: [reports[suffix] for suffix in FORMATS]}
        batch: dict[tuple[str, int], Run] = {}
        cj_many: Run | None = None
        cj_calls = 0
        for name, sources in sets.items():
            for n in counts if name != MIXED else sorted({small, count}):
                folder = base / f"many{sources[0].suffix if len(sources) == 1 else '-mixed'}-{n}"
                names = copies(sources, folder, n)
                batch[(name, n)] = run([*LINT, str(folder)], ROOT)
                warn_status(f"zfxxgk-lint, {n:,} {name}", batch[(name, n)])
                if name == ".yaml" and n == count and with_cj:
                    calls = [run([*CJ, *names_], folder) for names_ in cj_batches(names)]
                    cj_many, cj_calls = total(calls), len(calls)
                shutil.rmtree(folder)  # 10,000 reports take room; the next batch finds a cold cache for its own
        print(
            f"\n2. many reports in one call, the folder given (workers: processes this project uses; CPU: all its "
            f"processes); check-jsonschema given the {count:,} .yaml names"
        )
        rows = []
        for (name, n), result in batch.items():
            rows.append(
                [
                    f"zfxxgk-lint, {name}",
                    f"{n:,}",
                    f"{result.seconds * 1000 / n:.2f}",
                    f"{result.cpu * 1000 / n:.2f}",
                    str(workers_for(n)),
                    f"{result.peak_mib:.0f}",
                    f"{cj_many.seconds / result.seconds:.1f}" if cj_many and (name, n) == (".yaml", count) else "-",
                ]
            )
        if cj_many:
            calls_name = f"{cj_calls} call{'s' if cj_calls > 1 else ''}"
            rows.append(
                [
                    f"check-jsonschema, .yaml ({calls_name})",
                    f"{count:,}",
                    f"{cj_many.seconds * 1000 / count:.2f}",
                    f"{cj_many.cpu * 1000 / count:.2f}",
                    "1",
                    f"{cj_many.peak_mib:.0f}",
                    "1.0",
                ]
            )
        table(["command", "reports", "ms/report", "CPU ms/report", "workers", "peak MiB", "× check-jsonschema"], rows)

        print("\n3. peak memory of this project's run (largest process), by number of reports (MiB)")
        growth: dict[str, float] = {}  # BENCH_COPIES ÷ BENCH_SMALL (issue 6)
        growth_large: dict[str, float] = {}  # BENCH_LARGE ÷ BENCH_SMALL (issue 17)
        rows = []
        for name in sets:
            peaks = {n: batch[(name, n)].peak_mib for (source, n) in batch if source == name}
            growth[name] = peaks[count] / peaks[small]
            if large and large in peaks:
                growth_large[name] = peaks[large] / peaks[small]
            rows.append(
                [
                    name,
                    *(f"{peaks[n]:.1f}" if n in peaks else "-" for n in counts),
                    f"{growth[name]:.2f}",
                    f"{growth_large[name]:.2f}" if name in growth_large else "-",
                ]
            )
        table(
            [
                "source",
                *(f"{n:,}" for n in counts),
                f"{count:,} ÷ {small:,}",
                f"{large:,} ÷ {small:,}" if large else "largest ÷ smallest",
            ],
            rows,
        )

        # 4. as pre-commit calls it ---------------------------------------------------------------------------
        hooks: dict[str, tuple[list[str], Path]] = {}
        for name, sources in {**{suffix: [reports[suffix]] for suffix in FORMATS}, MIXED: sets[MIXED]}.items():
            for n in HOOK_FILES:
                folder = base / f"hook{sources[0].suffix if len(sources) == 1 else '-mixed'}-{n}"
                hooks[f"{name} {n}"] = ([*LINT, *copies(sources, folder, n)], folder)
        hook = whole_process(hooks, hook_runs)
        first, last = HOOK_FILES[0], HOOK_FILES[-1]
        per_file: dict[str, Run] = {}
        rows = []
        for name in [*FORMATS, MIXED]:
            results = [hook[f"{name} {n}"] for n in HOOK_FILES]
            one, most = results[0], results[-1]
            per_file[name] = Run(
                (most.seconds - one.seconds) / (last - first), (most.cpu - one.cpu) / (last - first), 0, 0
            )
            rows.append(
                [
                    name,
                    *(f"{ms(r.seconds)} / {ms(r.cpu)}" for r in results),
                    f"{per_file[name].seconds * 1000:.1f}",
                    f"{per_file[name].cpu * 1000:.1f}",
                ]
            )
        print(
            f"\n4. as pre-commit calls it: one process given {', '.join(map(str, HOOK_FILES))} files by name (each set "
            f"alone in a folder), median of {hook_runs} runs; ms / CPU ms of the whole process, and the cost of each "
            f"file past the first: (t{last} − t{first}) ÷ {last - first}"
        )
        table(
            [
                "files",
                *(f"{n} file{'s' if n > 1 else ''}" for n in HOOK_FILES),
                "ms/added file",
                "CPU ms/added file",
            ],
            rows,
        )

        # 5. the plausible extremes ---------------------------------------------------------------------------
        extremes = pathological(base)
        commands = {EXTREMES[name][0]: ([*LINT, str(path)], ROOT) for name, path in extremes.items()}
        extreme = whole_process(commands, extreme_runs, clean=False)  # keyed by description, in EXTREMES' order
        print(f"\n5. the plausible extremes, whole process, median of {extreme_runs} runs (exit: 1 = findings)")
        table(
            ["report", "bytes", "ms", "CPU ms", "exit"],
            [
                [EXTREMES[name][0], f"{path.stat().st_size:,}", ms(r.seconds), ms(r.cpu), str(r.status)]
                for (name, path), r in zip(extremes.items(), extreme.values(), strict=True)
            ],
        )

    print(f"\nload average at the end: {load()} (other work on the machine slows every figure above)")
    print("\nwhat must hold (issue 6; issue 16: the formats; issue 17: close to the floor)")
    targets: list[tuple[bool, str]] = []
    for suffix in (".txt", ".yaml"):  # issue 6
        seconds = medians[lint_name(suffix)].seconds
        ours = batch[(suffix, count)]
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
    for suffix in OF_TXT:  # issue 16; each format told apart, so that a miss names its format
        cpu = medians[lint_name(suffix)].cpu
        targets.append(
            (
                cpu <= MAX_OF_TXT * txt_one.cpu,
                f"one {suffix} report, whole process: ≤ {MAX_OF_TXT:g}× the .txt's CPU time "
                f"({cpu * 1000:.0f} of {txt_one.cpu * 1000:.0f} ms, {cpu / txt_one.cpu:.2f}×)",
            )
        )
    # issue 17
    if cj_one:
        for suffix in FORMATS:
            cpu, cj_share = medians[lint_name(suffix)].cpu, MAX_CPU_OF_CJ.get(suffix, MAX_CPU_OF_CJ_ANY)
            targets.append(
                (
                    cpu <= cj_share * cj_one.cpu,
                    f"one {suffix} report, whole process: ≤ {cj_share:.2f}× check-jsonschema's CPU time "
                    f"({ms(cpu)} of {ms(cj_one.cpu)} ms, {cpu / cj_one.cpu:.2f}×)",
                )
            )
    for suffix in FORMATS:
        added = per_file[suffix].cpu * 1000
        targets.append(
            (
                added <= MAX_MS_PER_ADDED_FILE[suffix],
                f"pre-commit, each {suffix} file past the first: ≤ {MAX_MS_PER_ADDED_FILE[suffix]:g} CPU ms "
                f"({added:.1f})",
            )
        )
    for (name, n), result in batch.items():
        limit = MAX_CPU_MS_PER_MIXED if name == MIXED else MAX_CPU_MS_PER_REPORT
        cpu_ms = result.cpu * 1000 / n
        targets.append(
            (cpu_ms <= limit, f"{n:,} {name} reports in one call: ≤ {limit:g} CPU ms per report ({cpu_ms:.2f})")
        )
    for suffix in (".txt", ".yaml"):
        if suffix in growth_large:
            targets.append(
                (
                    growth_large[suffix] <= MAX_MEMORY_GROWTH,
                    f"peak memory, {suffix}: at {large:,} reports ≤ {MAX_MEMORY_GROWTH:g}× that at {small:,} "
                    f"({growth_large[suffix]:.2f})",
                )
            )
    for description, max_seconds in EXTREMES.values():
        if max_seconds is not None and description in extreme:
            wall = extreme[description].seconds
            targets.append((wall <= max_seconds, f"{description}, whole process: ≤ {max_seconds:g} s ({wall:.2f} s)"))
    for holds, text in targets:
        print(f"  {verdict(holds):>13}  {text}")


if __name__ == "__main__":
    main()
