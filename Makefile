# Two commands do all set-up on a fresh machine:
#   make run   -> creates .venv, installs, compiles translations, serves http://localhost:8501
#   make test  -> creates .venv, installs (Chromium from Debian too), lints, runs every test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
LOCALES := locales
CATALOGS := $(wildcard $(LOCALES)/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)

.PHONY: run test test-fast lint format bench bench-soak translations extract update-catalogs chromium nginx haproxy clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(BIN)/activate
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# Compiled catalogs are build products (not committed): built from the .po sources.
%.mo: %.po $(VENV)/.runtime
	$(BIN)/pybabel compile -d $(LOCALES) -D messages -l $(word 2,$(subst /, ,$<)) --use-fuzzy

translations: $(COMPILED)

run: $(VENV)/.runtime translations
	$(BIN)/streamlit run app.py --server.port $(PORT)

# Debian packages: Chromium for the real-browser tests (Playwright cannot download browsers
# here), and the fonts the PDF handout embeds (DejaVu for en/es, Noto CJK for ja).
DEBIAN_PACKAGES := chromium fonts-dejavu-core fonts-noto-cjk
chromium:
	@{ command -v chromium >/dev/null 2>&1 && dpkg -s fonts-dejavu-core fonts-noto-cjk >/dev/null 2>&1; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $$SUDO apt-get install -y -q $(DEBIAN_PACKAGES) >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q $(DEBIAN_PACKAGES) >/dev/null; }; }

# Debian's nginx for tests/ops (replicas behind a load balancer) and the load benchmark.
# Only the binary is used: each test starts its own nginx on a free loopback port.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $$SUDO apt-get install -y -q nginx-light >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q nginx-light >/dev/null; }; }

# Debian's HAProxy for tests/ops (deploy/haproxy.cfg, the Compose load balancer, run on
# loopback) and `bench.load --balancer haproxy`. Only the binary is used, as for nginx.
haproxy:
	@command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $$SUDO apt-get install -y -q haproxy >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q haproxy >/dev/null; }; }

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(VENV)/.dev translations chromium nginx haproxy lint
	$(BIN)/pytest -q -n 2 --dist loadfile

# The fast set: the core and the AppTest page tests, no real server or browser (tests/browser
# and tests/ops are marked `browser` in tests/conftest.py).
test-fast: $(VENV)/.dev translations lint
	$(BIN)/pytest -q -n 2 -m "not browser"

# The benchmarks of bench/ (about 8 minutes; BENCH_ARGS="--quick" for a smoke run).
bench: $(VENV)/.dev translations chromium nginx haproxy
	$(BIN)/python -m bench.run_all $(BENCH_ARGS)

# The same plus the 30-minute soak.
bench-soak: $(VENV)/.dev translations chromium nginx haproxy
	$(BIN)/python -m bench.run_all --soak $(BENCH_ARGS)

# Catalog maintenance (see README "Adding a language").
extract: $(VENV)/.dev
	PYTHONPATH=. $(BIN)/pybabel extract -F babel.cfg -k N_ -o $(LOCALES)/messages.pot --no-location --sort-output --omit-header app.py pages ui deficiency

update-catalogs: extract
	$(BIN)/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) -D messages --no-fuzzy-matching

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) $(COMPILED)
