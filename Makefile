# The two commands of the README, plus benchmarks. `make demo` and `make test` both set up first
# (idempotent: a warm machine skips what is installed).
PYTHON ?= python3

.PHONY: setup demo test bench lint
setup:
	bash .ci/setup

demo: setup
	$(PYTHON) -m api.cli demo

test: setup
	$(PYTHON) -m pytest -q

bench: setup
	$(PYTHON) -m bench

lint:
	ruff check graph loaders investigations api tests bench
	mypy graph loaders investigations api
