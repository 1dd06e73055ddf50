"""Benchmarks: each module measures one target against a baseline run in the same process."""
