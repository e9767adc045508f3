"""Family I: the file itself. These findings are made while reading, before there is a model, or (I006) before
any rule reads the model. I007 comes from the PDF reader (checks/sources/pdf/text_layer.py)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from checks.findings import Finding, Message, Severity
from checks.model import Report, report_keys
from checks.rules import declare
from checks.specs import Specification

declare(
    "I001",
    Severity.ERROR,
    "文件无法读取",
    "file unreadable",
    """
文件为空（或只有空白）、是二进制内容、含有空字符（NUL），或无法解码，因此无法检查。文件其余部分是 UTF-8
而某一行既不是 UTF-8 也不是 GB18030/GBK 时，问题报告在这一行。.docx 文件不是可以打开的 Word 文档（损坏的
压缩包，或改了后缀的旧 .doc 文件）时也是这个问题。
错误示例：一个 0 字节的文件，或误提交的 .doc 文件改名为 .txt 或 .docx。
正确示例：把报告另存为 UTF-8 编码的纯文本。
---
The file is empty (or only white space), binary, contains NUL characters, or cannot be decoded, so it cannot be
checked. When the rest of the file is UTF-8 and one line is neither UTF-8 nor GB18030/GBK, the finding is at that
line. A .docx file that is not a Word document that can be opened (a damaged zip, an old .doc file renamed) is
I001 too. Failing: an empty file, or a .doc file renamed to .txt or .docx. Passing: the report saved as UTF-8
plain text.
""",
)
declare(
    "I002",
    Severity.WARNING,
    "文件不是 UTF-8 编码",
    "not UTF-8",
    """
文件以 GB18030/GBK 或 UTF-16 编码保存。已按该编码读取，但发布仓库应统一使用 UTF-8。（网页用
`<meta charset>` 声明了 GBK/GB2312 编码的，按声明读取，不提示；声明为 GBK 实际却是 UTF-8 的网页，浏览器会显示
乱码，提示改正声明。）
两种损坏的文件也照样读取，并在损坏处提示：UTF-8 文件中夹有 GB18030/GBK 编码的行（从不同来源拼接而成），
逐行按各自的编码读取，提示在第一处 GB18030 行；文件末尾的字符不完整（复制或保存被中断，文件可能缺了结尾），
忽略不完整的字节，提示在文件末尾。
错误示例：记事本“ANSI”编码保存的报告；把一段 GBK 编码的文字追加到 UTF-8 报告之后。
正确示例：另存为“UTF-8”。
---
The file is GB18030/GBK or UTF-16. It was read, but a publication repository should hold UTF-8 only. (An HTML
page that declares GBK/GB2312 in its `<meta charset>` is read that way without this finding; a page that declares
GBK but is written in UTF-8, so browsers show it garbled, gets it, asking for the declaration to be fixed.)
Two kinds of damaged file are read too, with the finding where the damage is: a UTF-8 file with some lines in
GB18030/GBK (pasted together from different sources) is read line by line, each in its own encoding, the finding
at the first GB18030 line; a file that ends in the middle of a character (a copy or save cut short: its end may
be missing) is read without the incomplete bytes, the finding at the end.
Failing: a report saved as "ANSI" in Notepad; a GBK paragraph appended to a UTF-8 report.
Passing: the same report saved as UTF-8.
""",
)
declare(
    "I003",
    Severity.ERROR,
    "YAML 语法错误",
    "syntax error in YAML source or front matter",
    """
YAML 报告或 Markdown 文件头（front matter）不是合法的 YAML，因此无法读取其中的数据。问题报告在解析器
发现它的行和列。常见原因：用制表符缩进（只能用空格）；同一层的键没有对齐；值中含有未加引号的“: ”；引号或
括号没有闭合；同一个映射中出现两次相同的键；一个文件中用“---”写了两个文档（一份报告只能是一个文档）。
错误示例：`标题: 示例县自然资源局2025年政府信息公开工作年度报告` 之后又写一次 `标题: …`；
`段落: [本年度未收取信息处理费。` 缺少“]”。
正确示例：每个键只写一次；`段落: [本年度未收取信息处理费。]`，或每段写作一行 `- 本年度未收取信息处理费。`。
---
A YAML report, or the front matter of a Markdown report, is not valid YAML, so its data cannot be read. The
finding is at the line and column where the parser found the problem. Usual causes: tabs in the indentation
(YAML indents with spaces), keys of one level not aligned, an unquoted ": " inside a value, an unclosed quote or
bracket, the same key twice in one mapping, or a second document after "---" (a report is one document).
Failing: a second `标题: …` in the same mapping; `段落: [本年度未收取信息处理费。` without its "]".
Passing: each key once; `段落: [本年度未收取信息处理费。]`, or one `- …` line per paragraph.
""",
)
declare(
    "I004",
    Severity.ERROR,
    "超出资源限制",
    "resource limit exceeded",
    """
文件过大（超过 5 MB；超过 5 万行；表格单元格超过 20 万个；YAML 数据超过 50 万个字符），或 YAML 数据嵌套过深（超过
20 层）、别名（*）过多（超过 100 个）、节点过多（别名展开后超过 1 万个）、单行或单个值过长（超过 10 万个字符），网
页中大量文字处在成千上万个未闭合的标签里，网页的标签超过 5 万个、属性超过 25 万个或字符引用（&）超过 10 万个，或
Word 文档解压后超过 50 MB、正文等部分解压后超过 20 MB 或元素和属性超过 100 万个，为保护提交流程不被卡住而不予检查。
网页和 Word 文档读出的内容也有上限，超出部分不予检查，并在第一处超出的位置报告一次：合并单元格跨越超过 100 行或列
（按 100 读取），表格一行超过 100 格、一个表格超过 1,000 行或 1 万格、全文表格超过 5 万格、表格超过 200 个，段落超
过 2 万段（Word 文档的空段落也计在内），一段文字或一个单元格超过 2 万个字符，全文超过 100 万个字符。PDF 文件超过
200 页或全文超过 4 万个字符，一页超过 2 万个字符、2 万个线条和图形、2 MB 内容流或 40,000 对横竖线，数据流解压后超过
32 MB（全部合计超过 96 MB）时，从该页起不予检查。一份真实报告通
常只有几十 KB、约 500 个节点、约 50 段、5 个表格、400 个单元格，嵌套不超过 5 层，也不需要别名。
一个文件的问题超过 500 项时，只列出前 500 项，另以一条本规则说明其余的项数（严重程度与其中最重的一项相同）；检查某
个文件的进程异常终止（如超出内存限制）时，该文件也报告本规则，其他文件照常检查。
错误示例：误把 50 MB 的扫描件导出文本提交为报告；几百字节却层层引用别名、展开后有数十亿个节点的 YAML（“billion
laughs”）。
正确示例：只提交报告本身的文字（几十 KB）；YAML 报告照 docs/formats.md 的写法逐项书写，不用锚点和别名。
---
The file is too large (over 5 MB, 50,000 lines or 200,000 table cells; YAML data over 500,000 characters), or its
YAML data is nested too deeply (over 20 levels), uses too many aliases (over 100), has too many nodes (over 10,000,
aliases expanded) or a line or value over 100,000 characters, an HTML page holds many texts inside thousands of
unclosed tags or has over 50,000 tags, 250,000 attributes or 100,000 character references (&), or a Word document
unpacks to over 50 MB, or its text part (or numbering, or styles) to over 20 MB or over 1,000,000 elements and
attributes; it is not checked so that a commit is never stalled. What a page or a Word document is read into is
bounded too, the rest left out and the limit reported once, where it is first reached: a merged cell spanning over
100 rows or columns (read as 100), a table row of over 100 cells, a table of over 1,000 rows or 10,000 grid cells,
over 50,000 grid cells in all, over 200 tables, over 20,000 paragraphs (a Word document's empty ones included), a
paragraph or cell of over 20,000 characters, over 1,000,000 characters in all. A PDF is read up to the page where
it passes 200 pages or 40,000 characters in all, or a page has over 20,000 characters, 20,000 lines and shapes,
2 MB of content or 40,000 pairs of ruling lines, or a stream unpacks to over 32 MB (96 MB all together). A real
report is a few tens of KB, about 500 nodes, 50 paragraphs, 5 tables and 400 cells, at most 5 levels deep, with no
aliases. A file with over 500
findings has the first 500 listed and one I004 counting the rest (as severe as the most severe of them); a file
whose checking process dies (out of memory) gets an I004 too, and the other files are checked as usual. Failing: a
50 MB text export of a scanned file; a few hundred bytes of YAML whose nested aliases expand to billions of nodes
("billion laughs"). Passing: the report's own text; a YAML report written out as in docs/formats.md, without anchors
and aliases.
""",
)
declare(
    "I005",
    Severity.WARNING,
    "含有不可见字符或双向控制字符",
    "invisible or bidirectional control characters",
    """
文件含有显示不出来、或会改变文字显示顺序的字符：双向文字的嵌入、覆盖和隔离符（U+202A–U+202E、
U+2066–U+2069），方向标记（U+200E、U+200F、U+061C），零宽字符（U+200B–U+200D、U+2060），不在文件开头的
U+FEFF，软连字符 U+00AD，行分隔符和段分隔符（U+2028、U+2029：有的软件当作换行，有的不当作，行号因此对不上），
显示为空白的朝鲜文填充字符（U+115F、U+1160、U+3164、U+FFA0），以及其他格式字符和控制字符（制表符除外）。这些字符使屏幕上显示的文字与文件实际保存的
文字不同：“从右到左覆盖”（U+202E）能把“12”显示成“21”，零宽空格能让两个看起来相同的标题在检查时并不相同
（即“Trojan Source”式的隐藏手法）；它们多半是从网页或其他软件复制时带进来的。每一行报告一次，位置是该行第一个
这样的字符，并写出各字符的编码和名称（最多四种，其余计数）；一个文件最多报告 20 次，最后一次说明其余还有多少行。
错误示例：`行政许可` 与数字之间夹着 U+202E（屏幕上 `36` 显示为 `63`）；`一、总体情况` 中间夹着零宽空格 U+200B。
正确示例：删除这些字符后的同一行（在编辑器中打开“显示不可见字符”即可看到它们）。
---
The file holds characters that are not shown, or that change the order in which text is shown: bidirectional
embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), direction marks (U+200E, U+200F, U+061C),
zero-width characters (U+200B–U+200D, U+2060), a U+FEFF that is not at the start of the file, the soft hyphen
U+00AD, the line and paragraph separators (U+2028, U+2029: a line break to some programs and not to others, so
line numbers disagree), the Hangul fillers that show as blank space (U+115F, U+1160, U+3164, U+FFA0), and other
format and control characters except the tab. They make the text on screen differ from the text
stored: a RIGHT-TO-LEFT OVERRIDE (U+202E) can show "12" as "21", a zero-width space makes two headings that look
the same compare as different ("Trojan Source"-style hiding); most arrive by copying from a web page or another
program. One finding per line, at the line's first such character, naming the characters by code point and name
(four kinds at most, the others counted); at most 20 findings per file, the last counting the lines not listed.
Failing: U+202E between `行政许可` and its number (`36` shows as `63`); a zero-width space U+200B inside
`一、总体情况`. Passing: the same lines without them (an editor's "show invisible characters" reveals them).
""",
)
declare(
    "I006",
    Severity.ERROR,
    "文件不是政府信息公开工作年度报告",
    "not an annual report",
    """
文件中既没有报告标题，也没有六个部分中任何一个部分的标题，也没有表二、表三、表四中的任何一个表格，不是
政府信息公开工作年度报告（例如仓库中的使用说明、笔记或配置文件），因此不逐项检查，只报告这一个问题。
只要有标题、部分标题或表格之一，就按报告检查（例如缺了标题的报告照常检查，并指出缺少标题）。
文字中提到“政府信息公开……年度报告”、却识别不出任何结构的（繁体字镜像、整页压成一行的副本），提示无法逐项
检查、应检查发布的原文件。无法核对，因此为错误。
如果它确实不是报告，请不要让检查工具读取它：在配置文件的 `exclude` 中列出，或在 pre-commit 配置中用
`files` 只选报告所在的文件夹。
错误示例：提交到报告文件夹的 `使用说明.md`、`notes.txt`、`settings.yaml`。
正确示例：报告文件夹只放报告；其他文件放在别处，或在配置中排除。
---
The file has no report title, no heading of any of the six parts and none of tables 2, 3 and 4: it is not an
annual report (a README, notes or a settings file in the repository), so it is not checked item by item and
this is its only finding. A file with any of a title, a part heading or a table is checked as a report (a report
that lost its title is checked, and its missing title reported). A file whose text names itself an annual report
("政府信息公开……年度报告") but has none of its structure (a mirror in traditional characters, a page flattened
onto one line) is told it cannot be checked and to check the published original: an error, as nothing can be
verified.
If it really is not a report, keep the linter from reading it: list it under `exclude` in the configuration, or
narrow the pre-commit hook's `files` to the reports folder.
Failing: `使用说明.md`, `notes.txt` or `settings.yaml` committed to the reports folder. Passing: only reports there.
""",
)

declare(
    "I007",
    Severity.ERROR,
    "PDF 文件没有可读取的文字",
    "PDF without readable text",
    """
PDF 文件中没有可以读取的文字，因此无法检查，只报告这一个问题，不逐项报告缺少的部分和表格：扫描件或由图片
生成的 PDF 只有图像，没有文字层；有的 PDF（多见于公文排版软件导出的）所用字体没有字符映射（ToUnicode），文字
只能读成「(cid:123)」或乱码（读不出的字符占五分之一以上时报告本规则）。请发布由 Word 或 WPS 直接导出的 PDF
（“另存为”或“输出为” PDF，嵌入字体或使用常用字体），或检查报告的 Word 原文件（.docx）。无法核对，因此为错误。
错误示例：把打印盖章后的报告扫描成 PDF 发布；用缺少字符映射的字体排版后导出的 PDF。
正确示例：在 Word 中“另存为 PDF”得到的文件，其中的文字可以选中、复制。
---
The PDF file has no text that can be read, so it cannot be checked, and this is its only finding (no list of
missing parts and tables): a scan, or a PDF made from images, has pictures of pages and no text layer; some PDFs
(often from typesetting software for official documents) use fonts without a character map (ToUnicode), whose
text reads only as "(cid:123)" or garbage (the rule applies when a fifth of the characters or more cannot be
read). Publish a PDF exported from Word or WPS (Save As / Export to PDF, fonts embedded or common fonts), or check
the report's Word file (.docx). Nothing can be verified, so it is an error.
Failing: the printed and stamped report scanned to PDF; a PDF typeset in fonts without a character map.
Passing: a PDF saved from Word, whose text can be selected and copied.
""",
)


def not_a_report(report: Report) -> Finding | None:
    """I006 when nothing in the model says it is a report: no title, no part heading, no table; and, for a source
    that states data (YAML, Markdown front matter), no report key with a value in it. A document of another shape
    (``正文: 7``, a list, a number) was meant as a report: S001 says what is wrong with it."""
    if report.title is not None or report.sections or report.tables:
        return None
    spec = report.spec
    if report.data is not None and _states_a_report(spec, report.data.document):
        return None
    mention = _mention(spec)
    if any(mention.search(text.text, 0, MENTION_WITHIN) for text in report.prose()):
        # It names itself a report, yet none of its structure reads: a copy that cannot be checked, not a README.
        return Finding(
            "I006",
            report.start,
            Message(
                "文件提到政府信息公开工作年度报告，但未能识别报告标题、部分标题或表格（可能是繁体字镜像，或整页"
                "压成一行的副本），无法逐项检查，请改为检查发布的原文件",
                "the file names an annual report on government information disclosure, but no title, part heading "
                "or table can be read in it (a mirror in traditional characters, or a page flattened onto one "
                "line?): it cannot be checked item by item; check the published original instead",
            ),
        )
    return Finding(
        "I006",
        report.start,
        Message(
            "未发现报告标题、部分标题或表格，不是政府信息公开工作年度报告，未作检查；非报告文件请在配置文件的"
            " exclude 或 pre-commit 的 files 中排除",
            "no report title, part heading or table found: this file is not an annual report and was not checked; "
            "if it is not meant to be one, exclude it (the configuration's exclude, or pre-commit's files)",
        ),
    )


@cache
def _mention(spec: Specification) -> re.Pattern[str]:
    return re.compile(spec.report_mention)


MENTION_WITHIN = 2000  # characters of a paragraph searched for it: a report says so at its start


def _states_a_report(spec: Specification, document: Any) -> bool:
    if not isinstance(document, dict):
        return True
    return any(document.get(key) not in (None, "", [], {}) for key in _report_keys(spec))


@cache
def _report_keys(spec: Specification) -> tuple[str, ...]:
    return report_keys(spec)
