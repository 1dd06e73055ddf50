"""Cooperation networks: GDS communities of persons, companies and addresses, their key figures
and scores (issue 6). The step is `step.run` (run by investigations/analysis.py); importing this
package registers the export."""

from investigations import exports

EXPORT = exports.register(exports.Export(
    name="networks",
    # The contract's four columns, then counts by kind, key figures and the reason.
    columns=("network_id", "score", "size", "members", "persons", "companies", "addresses",
             "key_figures", "reason"),
    query="networks/export",
    description="Cooperation networks of the latest analysis run, most suspect first."))
