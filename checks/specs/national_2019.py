"""The superseded format (国办公开办函〔2019〕60号, "格式（试行）") as data: the ``national-2019`` specification.

Written as its differences from the 2021 format (reference §3, and the 2019–2020 reports in the corpus): the same
six parts, title and 表四; another 表二 (documents made, published and in force; items counted against last year,
which may go down; 第二十条第（九）项 政府集中采购) and a 表三 whose （六）其他处理 is a single row. It is the format
of reports for 2020 and before; a later report written in it is read by it (so its tables are checked as what they
are, not as dozens of wrong 2021 labels) and told once that the format is superseded (R010).
"""

from __future__ import annotations

from checks.specs import national_2021 as base
from checks.specs.records import Change, Column, Item, RowSpec

_DOCS = (
    Column("made", "本年新制作数量", "made this year"),
    Column("published", "本年新公开数量", "published this year"),
    Column("total", "对外公开总数量", "published in all"),
)
_ITEMS = (
    Column("last_year", "上一年项目数量", "items last year"),
    Column("change", "本年增/减", "change this year", signed=True),
    Column("decisions", "处理决定数量", "decisions"),
)
_FEES = (
    Column("last_year", "上一年项目数量", "items last year"),
    Column("change", "本年增/减", "change this year", signed=True),
)
_PROCUREMENT = (
    Column("projects", "采购项目数量", "procurement projects"),
    Column("amount", "采购总金额", "procurement amount"),
)
_T2_BLOCKS = (
    Item(
        "第二十条第（一）项",
        (
            RowSpec("rules", "规章", "rules (规章)", _DOCS),
            RowSpec("normative", "规范性文件", "normative documents", _DOCS),
            # 湖北's copies of the table add the agency's other proactively published documents (corpus 20,
            # real-reports 11): a row of the table when it is there, not one the format requires.
            RowSpec("other_documents", "其他主动公开文件", "other published documents", _DOCS, optional=True),
        ),
    ),
    Item(
        "第二十条第（五）项",
        (
            RowSpec("licensing", "行政许可", "administrative licensing", _ITEMS),
            RowSpec("other_services", "其他对外管理服务事项", "other public services", _ITEMS),
        ),
    ),
    Item(
        "第二十条第（六）项",
        (
            RowSpec("penalty", "行政处罚", "administrative penalties", _ITEMS),
            RowSpec("enforcement", "行政强制", "administrative enforcement", _ITEMS),
        ),
    ),
    Item("第二十条第（八）项", (RowSpec("fees", "行政事业性收费", "administrative fees", _FEES),)),
    Item(
        "第二十条第（九）项", (RowSpec("procurement", "政府集中采购", "central procurement", _PROCUREMENT, fee=True),)
    ),
)
_T2_ROWS = tuple(row for block in _T2_BLOCKS for row in block.rows)

# 表三: （六）其他处理 is one outcome row, not a group of three.
_OTHER = base.T3_OTHER_GROUP
_OTHER_ROW = RowSpec("other", _OTHER, "III(6) other handling", base.T3_COLUMNS, base.T3_GROUPS[0])
_T3_ROWS = tuple(
    row
    for spec in base.T3_ROWS
    if (row := _OTHER_ROW if spec.key == "other_1" else spec).key not in ("other_2", "other_3")
)

CHANGE = Change(
    "national-2019",
    base.KEY,
    fields={
        "name": "国办公开办函〔2019〕60号",
        "first_year": 2019,  # the 条例 as revised in 2019 applies from 2019-05-15
        "last_year": 2020,
        "successor": base.KEY,
        "predecessor": None,
        "t2_blocks": _T2_BLOCKS,
        "t2_rows": _T2_ROWS,
        "t2_document_rows": (),  # made / published / in total: no "in force = last + made − repealed" (X003)
        "t2_unit": None,  # the 2019 table names no unit for the procurement amount
        "t2_unit_word": None,
        "t3_rows": _T3_ROWS,
        "t3_groups": tuple(group for group in base.T3_GROUPS if group != _OTHER),
        "t3_outcome_rows": tuple(row.key for row in _T3_ROWS[2:-2]),
        "rows": {"t2": _T2_ROWS, "t3": _T3_ROWS, "t4": (base.T4_ROW,)},
        "header_labels": {
            **base.HEADER_LABELS,
            "t2": (
                base.T2_HEADER,
                *(block.marker for block in _T2_BLOCKS),
                *dict.fromkeys(column.label for column in _DOCS + _ITEMS + _FEES + _PROCUREMENT),
            ),
            "t3": tuple(label for label in base.HEADER_LABELS["t3"] if label != _OTHER),
        },
        "label_variants": {},  # 规范性文件 is this format's own label
        # Nothing older is signalled: this is the first format under the revised 条例.
        "superseded_notice": None,
        "superseded_t2_labels": (),
        "t3_other_group": None,
    },
)
