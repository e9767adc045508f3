"""Provincial variants of the national format, as data: each names its base specification and what it changes
(``checks.specs.Change``), and is selected by the configuration's ``format`` or ``per-file-format``.

A variant states what a province asks for or accepts beyond the national text; everything else is its base's. To
add one: one entry in ``VARIANTS``, then ``format: KEY`` in the configuration of the reports it is for
(docs/architecture.md).
"""

from __future__ import annotations

from checks.specs.records import Change

VARIANTS: tuple[Change, ...] = (
    # 山东: reports commonly head part 六 「六、其他事项」 and give two sub-items there besides the fee statement
    # (reference §2.6): both accepted as the province's own, without a finding.
    Change(
        "shandong-2021",
        "national-2021",
        accepted_headings={6: ("六、其他事项",)},
        part_six_items=("人大代表建议和政协提案办理结果公开情况", "政务公开工作创新情况"),
    ),
)
