"""The `addresses`, `persons` and `companies` exports of the data contract.

The contract's four columns come first; `confirmed` (a closed case found a violation: not a new
lead) and `open_case` (an intervention is under way) follow, as the contract allows.
"""

from __future__ import annotations

from investigations import exports

COLUMNS = ("key", "score", "flags", "network_id", "confirmed", "open_case")

ADDRESSES = exports.register(exports.Export(
    name="addresses", columns=COLUMNS, query="scoring/export_addresses",
    description="Every address with its score, the flags behind it and its network."))
PERSONS = exports.register(exports.Export(
    name="persons", columns=COLUMNS, query="scoring/export_persons",
    description="Every canonical person with score, flags and network."))
COMPANIES = exports.register(exports.Export(
    name="companies", columns=COLUMNS, query="scoring/export_companies",
    description="Every company with score, flags and network."))
