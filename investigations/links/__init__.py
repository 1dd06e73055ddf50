"""Predicted links (issue 6): hidden residents, associates and look-alike addresses, stored as
predictions with their evidence. Importing this package registers the steps and the export."""

from investigations import analysis, exports
from investigations.links import step

RESIDENTS = analysis.register(analysis.Step(
    name="resident_links", order=60, run=step.predict_residents,
    description="verborgen bewoners: personen die waarschijnlijk wonen waar ze niet staan ingeschreven"))
ASSOCIATES = analysis.register(analysis.Step(
    name="associate_links", order=65, run=step.predict_associates,
    description="waarschijnlijke contacten tussen personen (linkvoorspelling)"))
LOOKALIKES = analysis.register(analysis.Step(
    name="lookalike_addresses", order=70, run=step.predict_lookalikes,
    description="adressen die lijken op adressen waar een zaak een overtreding vond"))

EXPORT = exports.register(exports.Export(
    name="links",
    columns=("source", "target", "kind", "score", "reasons", "run_id"),
    query="links/export",
    description="Predicted links that no source states: resident, associate, lookalike."))
