"""Family I: the file itself. These findings are made while reading, before there is a model."""

from __future__ import annotations

from checks.findings import Severity
from checks.rules import declare

declare(
    "I001",
    Severity.ERROR,
    "文件无法读取",
    "file unreadable",
    """
文件为空、是二进制内容，或无法解码，因此无法检查。
错误示例：一个 0 字节的文件，或误提交的 .doc 文件改名为 .txt。
正确示例：把报告另存为 UTF-8 编码的纯文本。
---
The file is empty, binary or cannot be decoded, so it cannot be checked.
Failing: an empty file, or a .doc file renamed to .txt. Passing: the report saved as UTF-8 plain text.
""",
)
declare(
    "I002",
    Severity.WARNING,
    "文件不是 UTF-8 编码",
    "not UTF-8",
    """
文件以 GB18030/GBK 或 UTF-16 编码保存。已按该编码读取，但发布仓库应统一使用 UTF-8。
错误示例：记事本“ANSI”编码保存的报告。正确示例：另存为“UTF-8”。
---
The file is GB18030/GBK or UTF-16. It was read, but a publication repository should hold UTF-8 only.
Failing: a report saved as "ANSI" in Notepad. Passing: the same report saved as UTF-8.
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
文件过大（超过 5 MB；YAML 数据超过 50 万个字符），或 YAML 数据嵌套过深（超过 20 层）、别名（*）过多（超过
100 个）、节点过多（别名展开后超过 1 万个）、单行或单个值过长（超过 10 万个字符），为保护提交流程不被卡住而
不予检查。一份真实报告通常只有几十 KB、约 500 个节点，嵌套不超过 5 层，也不需要别名。
错误示例：误把 50 MB 的扫描件导出文本提交为报告；几百字节却层层引用别名、展开后有数十亿个节点的 YAML
（“billion laughs”）。
正确示例：只提交报告本身的文字（几十 KB）；YAML 报告照 docs/formats.md 的写法逐项书写，不用锚点和别名。
---
The file is too large (over 5 MB; YAML data over 500,000 characters), or its YAML data is nested too deeply
(over 20 levels), uses too many aliases (over 100), has too many nodes (over 10,000, aliases expanded) or a line
or value over 100,000 characters; it is not checked so that a commit is never stalled. A real report is a few
tens of KB, about 500 nodes, at most 5 levels deep, with no aliases. Failing: a 50 MB text export of a scanned
file; a few hundred bytes of YAML whose nested aliases expand to billions of nodes ("billion laughs").
Passing: the report's own text; a YAML report written out as in docs/formats.md, without anchors and aliases.
""",
)
