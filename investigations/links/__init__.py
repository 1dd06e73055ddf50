"""Predicted links (issue 6): hidden residents, associates and look-alike addresses, stored as
predictions with their evidence. The steps are in `step` (run by investigations/analysis.py);
importing this package registers the export."""

from investigations import exports

EXPORT = exports.register(exports.Export(
    name="links",
    columns=("source", "target", "kind", "score", "reasons", "run_id"),
    query="links/export",
    description="Predicted links that no source states: resident, associate, lookalike."))
