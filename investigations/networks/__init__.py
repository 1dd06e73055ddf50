"""Cooperation networks: GDS communities of persons, companies and addresses, their key figures
and scores (issue 6). Importing this package registers the analysis step and the export."""

from investigations import analysis, exports
from investigations.networks import step

STEP = analysis.register(analysis.Step(
    name="networks", order=50, run=step.run,
    description="samenwerkingsverbanden (Leiden, WCC), spilfiguren (betweenness, PageRank)"))

EXPORT = exports.register(exports.Export(
    name="networks",
    # The contract's four columns, then counts by kind, key figures and the reason.
    columns=("network_id", "score", "size", "members", "persons", "companies", "addresses",
             "key_figures", "reason"),
    query="networks/export",
    description="Cooperation networks of the latest analysis run, most suspect first."))
