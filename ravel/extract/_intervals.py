"""How two intervals relate, whatever their ends are: days, minutes of a day, quantities."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def relate_intervals(
    a_lo: Any, a_hi: Any, b_lo: Any, b_hi: Any, meet: Callable[[Any, Any], bool]
) -> str:
    """ "equal", "contains" (a holds b), "within" (a inside b), "overlap" or "disjoint".
    `meet(lo, hi)`: whether the span from the later start to the earlier end holds
    anything (closed, half-open and open ends differ there)."""
    if (a_lo, a_hi) == (b_lo, b_hi):
        return "equal"
    if a_lo <= b_lo and b_hi <= a_hi:
        return "contains"  # (an empty interval too: "later this week" on a Sunday)
    if b_lo <= a_lo and a_hi <= b_hi:
        return "within"
    return "overlap" if meet(max(a_lo, b_lo), min(a_hi, b_hi)) else "disjoint"
