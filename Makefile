# The two commands of the README, plus lint and benchmarks. `make demo`, `make test` and `make lint`
# set up first (idempotent: a warm machine skips what is installed).
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

# Strict typing for the domain packages (graph, investigations); loaders and api are checked as before.
lint: setup
	ruff check graph loaders investigations api tests bench
	mypy --strict graph investigations
	mypy loaders api
