"""Run every benchmark in turn: `python -m bench` (results in bench/results/)."""

from __future__ import annotations

import runpy
import sys

BENCHES = ("bench.load", "bench.er", "bench.detect", "bench.detect_networks", "bench.communities",
           "bench.linkpred", "bench.api")

if __name__ == "__main__":
    for name in BENCHES:
        print(f"== {name}", flush=True)
        sys.argv = [name]
        runpy.run_module(name, run_name="__main__")
