"""Entity resolution: free-text addresses to BAG keys, record persons to BRP persons and to each
other, as judgements (`SAME_AS`, `ADDRESS_MATCH`) that never merge or destroy a source record.

`run(graph)` matches (incrementally after the last run), `ensure_matched(graph)` runs it only
when a load came since, and `review` holds the analyst's confirm, reject and undo.
"""

from investigations.matching.run import MatchSummary, ensure_matched, is_due, run

__all__ = ["MatchSummary", "ensure_matched", "is_due", "run"]
