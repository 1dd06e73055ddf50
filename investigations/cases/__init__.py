"""From question to case: scheduled investigations and indicators whose new hits become alerts,
triage of alerts (dismissed with a reason, or opened as a case), and case files with an owner, a
status, linked entities, the privacy-protocol assessment and a history of every change.

Everything here is an application record (no `source`, kept by `speurnet backup`), written
through `cypher/cases/` and leaving through the same masking and audit as every other answer.
"""
