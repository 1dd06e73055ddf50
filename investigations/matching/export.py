"""The `matches` export of the data contract: one row per mention without a registry key."""

from __future__ import annotations

from investigations import exports

MATCHES = exports.register(exports.Export(
    name="matches",
    # The contract's four columns, then how it was matched, the best candidate and why.
    columns=("record", "entity", "score", "judgement", "method", "candidate", "reason"),
    query="matching/matches",
    # The statement orders by score, then record, so equal scores come out in a stable order.
    ranked=False,
    description="Every person and address mention without a registry key, with the entity it "
                "was resolved to (entity resolution).",
))
