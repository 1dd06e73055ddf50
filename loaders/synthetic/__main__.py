"""`python -m loaders.synthetic FOLDER --persons N --seed S`: generate a town from the shell."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from .pipeline import generate


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, generate, and print the counts."""
    parser = argparse.ArgumentParser(prog="python -m loaders.synthetic", description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 1))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    truth = generate(args.folder, args.persons, args.seed, args.as_of,
                     progress=lambda n: print(f"{n} persons", file=sys.stderr))
    for key, value in truth.counts.items():
        print(f"{key}: {value}")
    print(f"seconds: {time.perf_counter() - started:.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
