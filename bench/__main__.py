"""Run every benchmark in turn: `python -m bench` (results in bench/results/)."""

from __future__ import annotations

import runpy
import sys

BENCHES = ("bench.load", "bench.er", "bench.detect", "bench.detect_networks", "bench.communities",
           "bench.linkpred", "bench.api", "bench.users", "bench.pages")

if __name__ == "__main__":
    if len(sys.argv) > 1:  # `python -m bench users --quick`: one benchmark with its options
        name, sys.argv = f"bench.{sys.argv[1]}", [f"bench.{sys.argv[1]}", *sys.argv[2:]]
        runpy.run_module(name, run_name="__main__")
        sys.exit()
    for name in BENCHES:
        print(f"== {name}", flush=True)
        sys.argv = [name]
        runpy.run_module(name, run_name="__main__")
