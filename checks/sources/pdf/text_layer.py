"""Whether a PDF has text to read at all: a scan has only images; a PDF whose fonts carry no ToUnicode map draws
glyphs that pdfminer cannot turn back into characters (``(cid:123)``, U+FFFD, private-use code points). Either is
one I007, saying so and what to do, instead of dozens of findings about parts that are there on the page."""

from __future__ import annotations

from collections.abc import Sequence

from checks.findings import Finding, Message
from checks.model import Position
from checks.sources.pdf.pages import PageRead

UNDECODABLE_SHARE = 0.2  # of the characters: a report with this many unreadable ones cannot be checked
_ADVICE_ZH = "请发布由 Word 或 WPS 直接导出的 PDF（“另存为”或“输出为” PDF），或检查报告的 Word 原文件（.docx）"
_ADVICE_EN = (
    "publish a PDF exported from Word or WPS (Save As / Export to PDF), or check the report's Word file (.docx)"
)


def undecodable(text: str) -> bool:
    """Whether a character read from the page stands for a glyph whose character is unknown."""
    return text.startswith("(cid:") or "\ufffd" in text or any("\ue000" <= char <= "\uf8ff" for char in text)


def text_layer_problem(pages: Sequence[PageRead]) -> Finding | None:
    """I007 when the pages read have no text, or mostly text that cannot be decoded; None otherwise."""
    if not pages:
        return None  # nothing read: the findings about why say it all
    glyphs = [glyph.text for page in pages for glyph in page.glyphs if glyph.text.strip()]
    if not glyphs:
        images = sum(page.images for page in pages)
        what_zh = f"只有图片（{images} 幅），像是扫描件" if images else "没有文字"
        what_en = f"holds only images ({images}): a scan?" if images else "holds no text"
        return Finding(
            "I007",
            Position(1, 1),
            Message(
                f"PDF 文件的 {len(pages)} 页中没有可读取的文字（{what_zh}），无法检查。{_ADVICE_ZH}",
                f"the PDF file's {len(pages)} pages have no text layer to read (it {what_en}), so it cannot be "
                f"checked: {_ADVICE_EN}",
            ),
        )
    unknown = sum(1 for text in glyphs if undecodable(text))
    if unknown < UNDECODABLE_SHARE * len(glyphs):
        return None
    share = round(100 * unknown / len(glyphs))
    return Finding(
        "I007",
        Position(1, 1),
        Message(
            f"PDF 文件中 {unknown:,} 个字符（{share}%）的字体没有字符映射（ToUnicode），读出的是「(cid:…)」或乱码，"
            f"无法还原文字，无法检查。请在导出时嵌入字体或改用常用字体后重新导出 PDF，{_ADVICE_ZH}",
            f"{unknown:,} of the PDF file's characters ({share}%) are in fonts without a character map (ToUnicode) "
            f"and read as (cid:…) or garbage, so its text cannot be recovered and it cannot be checked: export it "
            f"again with the fonts embedded or in common fonts; or {_ADVICE_EN}",
        ),
    )
