# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
CORPUS ?= corpus
OUT ?= output

export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_HOME := $(CURDIR)/.prefect

.PHONY: run test bench layout-fuzz resolution-fuzz lock corpus clean

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Re-installs only when the lock, the project metadata or this file changed. Bytecode is compiled at
# install: uv does not by default, and without it every process (each run, its Prefect server, each
# Dask worker) compiled Prefect, pydantic and spaCy from source at start, some 2-4 s apiece.
$(VENV)/.installed: requirements.lock pyproject.toml Makefile | $(BIN)/uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python --require-hashes -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

# The pdfium engine's per-character loop, in C (extractors/pdfium_chars.c: no header, no library to
# link). Without a C compiler the engine asks pdfium the same questions through ctypes, ~2.3x slower.
NATIVE := extractors/libpdfium_chars.so

$(NATIVE): extractors/pdfium_chars.c
	$(CC) -O2 -shared -fPIC -o $@ $< || echo "gbdocs: $@ not built; --engine pdfium reads characters through ctypes (slower)"

run: $(VENV)/.installed $(NATIVE)
	$(BIN)/gbdocs run $(CORPUS) --out $(OUT)

test: $(VENV)/.installed $(NATIVE)
	$(BIN)/python -m pytest

# Speed figures (not tests): writes bench/RESULTS.md.
bench: $(VENV)/.installed $(NATIVE)
	$(BIN)/python bench/bench.py

# Extraction quality under varied layouts (figures, not tests): every source rendered by every producer
# with LAYOUT_SEEDS seeded styles (default 4, ~12 min on 2 cores), scored against its source and against
# pdfplumber's extract_text; writes bench/LAYOUTS.md, renderings and scores.csv under build/layout-fuzz/.
# The script puts corpus/tools on sys.path itself, as pytest's `pythonpath` does for the tests.
layout-fuzz: $(VENV)/.installed $(NATIVE)
	$(BIN)/python bench/layout_fuzz.py

# Resolution structure under varied layouts (figures, not tests): the resolution papers rendered by the five
# producers at two styles each (where not yet in build/resolutions/), scored against their gold; writes
# bench/RESOLUTIONS.md.
resolution-fuzz: $(VENV)/.installed $(NATIVE)
	$(BIN)/python bench/resolution_fuzz.py

# Re-resolve requirements.lock after changing the dependencies in pyproject.toml.
lock: | $(BIN)/uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

# Re-render the corpus PDFs from corpus/sources (needs Debian's fonts-wqy-microhei and libreoffice-writer-nogui).
corpus: $(VENV)/.installed
	$(BIN)/python corpus/tools/render.py

clean:
	rm -rf $(VENV) .pytest_cache .prefect $(NATIVE)
