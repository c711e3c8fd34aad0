# Ateliers: build, run and test on Debian bookworm.
# `make help` lists the targets.

BIN     := build/ateliers
# Defaults come from the environment (ATELIERS_*); `make run DB=... PORT=...` overrides both.
DB      := $(or $(ATELIERS_DB),sqlite:var/ateliers.db)
PORT    := $(or $(ATELIERS_PORT),8080)
ADDRESS := $(or $(ATELIERS_ADDRESS),127.0.0.1)

.DEFAULT_GOAL := help
.PHONY: help deps build db run test test-fast clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'
	@echo "  Variables: DB=$(DB) PORT=$(PORT) ADDRESS=$(ADDRESS)"

deps: ## Install missing Debian packages and npm modules
	scripts/install-deps.sh

build: deps ## Configure (once) and compile into build/
	test -f build/build.ninja || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build -j$$(nproc)

db: build ## Migrate, import the referential and seed demo data into DB
	mkdir -p var
	$(BIN) migrate --db $(DB)
	$(BIN) import-referential --db $(DB)
	$(BIN) seed-demo --activity --db $(DB)

run: db ## Set up the database, then serve on ADDRESS:PORT
	exec $(BIN) serve --db $(DB) --port $(PORT) --address $(ADDRESS)

# Sequential on purpose: the test dependencies come first, even under make -j.
test: ## Install test dependencies, build, run ctest (starts PostgreSQL, SMTP sink, Chromium; run as root in CI)
	scripts/install-deps.sh --test
	$(MAKE) build
	cd build && ctest --output-on-failure -j2 --timeout 900

test-fast: build ## Build, then only the unit tests and the SQLite service tests (no server, browser or PostgreSQL)
	cd build && ctest -L '^(unit|sqlite)$$' -j2 --output-on-failure

clean: ## Remove build/ and var/
	rm -rf build var
