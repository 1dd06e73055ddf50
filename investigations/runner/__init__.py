"""Saved investigations: the catalog, the read-only check, the runner and exports."""
