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
    "I004",
    Severity.ERROR,
    "超出资源限制",
    "resource limit exceeded",
    """
文件过大、嵌套过深或别名展开过多，为保护提交流程不被卡住而不予检查。一份真实报告通常只有几十 KB。
错误示例：误把 50 MB 的扫描件导出文本提交为报告。正确示例：只提交报告本身的文字（几十 KB）。
---
The file is too large, too deeply nested or expands too many aliases; it is not checked so that a commit is
never stalled. A real report is a few tens of KB.
Failing: a 50 MB text export of a scanned file. Passing: the report's own text (tens of KB).
""",
)
