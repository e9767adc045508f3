"""The XML parts of a Word file, read within bounds: what a part may unpack to, and how many elements and attributes
its tree may have, are checked before lxml builds anything.

A .docx file is a zip of XML parts; only three are read here (the text, its numbering definitions, the styles that
number headings), never the others python-docx would parse (headers, settings, comments…). Each is unpacked
through zipfile, which returns at most the size the archive states for an entry (an entry that holds more fails
its CRC check, so a stated size that lies is damage, never more bytes); that stated size is checked against
``MAX_PART`` first, and the read is capped there too. The elements and attributes a tree would have are counted
from the bytes first (each element starts with ``<``, each attribute has a ``=``: an upper bound found at memchr
speed, with no tree and no Python per element), since lxml takes 100–200 bytes a node. The parser is python-docx's:
entities are not resolved (no XXE, no billion laughs) and lxml's own limits stay on (no ``huge_tree``).
"""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml has no type hints of its own

from checks.findings import Finding, Message
from checks.model import Position
from checks.reading import over_limit

# A real report's word/document.xml is 0.1–1 MB, its styles and numbering well under 1 MB (python-docx's own
# template: 350 KB of styles), with 60–70 thousand nodes a MB: 20 times the largest.
MAX_PART = 20 * 1024 * 1024
MAX_NODES = 1_000_000  # elements and attributes of one part: ~150 MB of tree at worst
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


class Unreadable(Exception):
    """The file cannot be read as a Word document, or not within the limits: ``finding`` says which."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message.en)
        self.finding = finding


def parser() -> etree.XMLParser:
    # As python-docx parses (blank text between elements dropped), so the text read is what it read; never
    # entities, never the network, never past lxml's limits on depth and text size.
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True, huge_tree=False)


def read_part(archive: zipfile.ZipFile, name: str) -> Any:
    """The root element of the part ``name`` (KeyError when there is none), within ``MAX_PART`` and ``MAX_NODES``."""
    info = archive.getinfo(name)
    if info.file_size > MAX_PART:
        raise Unreadable(too_large_part(name, info.file_size))
    with archive.open(info) as stream:
        data = stream.read(MAX_PART + 1)
    if len(data) > MAX_PART:  # zipfile never returns more than the stated size; this holds whatever it does
        raise Unreadable(too_large_part(name, len(data)))
    nodes = data.count(b"<") - data.count(b"</") + data.count(b"=")
    if nodes > MAX_NODES:
        raise Unreadable(too_many_nodes(name, nodes))
    try:
        return etree.fromstring(data, parser())
    except etree.XMLSyntaxError as error:
        raise Unreadable(not_a_document(f"{name}: {error}")) from error


def related(archive: zipfile.ZipFile, part: str, kind: str) -> str | None:
    """The name of the part ``part`` relates to as ``kind`` ("numbering", "styles"), or None."""
    folder, base = posixpath.split(part)
    try:
        relationships = read_part(archive, posixpath.join(folder, "_rels", base + ".rels"))
    except KeyError:
        return None
    for relationship in relationships.iter(_RELATIONSHIPS):
        target = relationship.get("Target") or ""
        if (relationship.get("Type") or "").endswith("/" + kind) and relationship.get("TargetMode") != "External":
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
    return None


def too_large_part(name: str, size: int) -> Finding:
    return over_limit(
        f"文档的 {name} 部分解压后过大（{size:,} 字节，上限 {MAX_PART:,} 字节），未检查",
        f"the document's {name} unpacks to {size:,} bytes (limit {MAX_PART:,}); not checked",
        MAX_PART,
        size,
    )


def too_many_nodes(name: str, nodes: int) -> Finding:
    return over_limit(
        f"文档的 {name} 部分元素和属性过多（约 {nodes:,} 个，上限 {MAX_NODES:,} 个），未检查",
        f"the document's {name} has too many elements and attributes (about {nodes:,}, limit {MAX_NODES:,}); "
        "not checked",
        MAX_NODES,
        nodes,
    )


def not_a_document(reason: str) -> Finding:
    return Finding(
        "I001",
        Position(1, 1),
        Message(
            f"不是可以读取的 Word 文档（.docx）：{reason}；旧的 .doc 格式请在 Word 中另存为 .docx",
            f"not a readable Word document (.docx): {reason}; save an old .doc file as .docx in Word",
        ),
    )
