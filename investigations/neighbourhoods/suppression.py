"""Small-count suppression of one line of a table: cells that add up to a shown total.

Primary: a count below MIN_COUNT is not shown ("<5"). Complementary (secondary): more cells are
withheld ("×") until no withheld cell can be worked out from the total minus the shown cells. A
reader knows a "<5" cell lies in 0..4 and a "×" cell is at least 5; with R the total minus the
shown cells, P the "<5" and Q the "×" cells, every withheld cell keeps more than one possible
value when there are at least two of them and R > 5·|Q|, and (without Q) 0 < R < 4·|P|.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

from investigations.scoring.monitor import MIN_COUNT

SHOWN, SMALL, WITHHELD, ABSENT = "", "<5", "×", "–"  # the marks a cell can carry


def safe(marks: Mapping[str, str], values: Mapping[str, float], total: float) -> bool:
    """Can no withheld cell of this line be worked out from its shown total?"""
    small = [k for k, m in marks.items() if m == SMALL]
    withheld = [k for k, m in marks.items() if m == WITHHELD]
    if not small and not withheld:
        return True
    rest = total - sum(v for k, v in values.items() if marks[k] == SHOWN)
    if len(small) + len(withheld) < 2 or rest <= MIN_COUNT * len(withheld):
        return False
    return bool(withheld) or 0 < rest < (MIN_COUNT - 1) * len(small)


def suppress_line(values: Mapping[str, float], forced: Collection[str] = ()
                  ) -> tuple[dict[str, str], str]:
    """The mark of every cell of a line (NaN: not delivered) and of its total; the cells in
    `forced` are withheld whatever their value (another table would give a small count away)."""
    present = {k: v for k, v in values.items() if not math.isnan(v)}
    marks = {k: (ABSENT if k not in present else SMALL if v < MIN_COUNT
                 else WITHHELD if k in forced else SHOWN) for k, v in values.items()}
    total = sum(present.values())
    if total < MIN_COUNT:
        return marks, SMALL  # a hidden total constrains nothing
    line = {k: marks[k] for k in present}
    while not safe(line, present, total):
        shown = sorted((v, k) for k, v in present.items() if line[k] == SHOWN)
        if not shown:
            # Everything withheld and still recoverable (one buurt): withhold the total too.
            return {**marks, **line}, WITHHELD
        line[shown[0][1]] = WITHHELD  # the smallest shown cell costs the reader least
    return {**marks, **line}, SHOWN
