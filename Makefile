# ChatCouncil: `make run` starts the bot on its embedded defaults; `make test` runs the whole suite.
# Both install whatever is missing first (Debian packages, the pinned llama.cpp libraries) and are
# safe to run again.

SHELL := /bin/bash
DOTNET ?= dotnet
CONFIG ?= Release
NATIVE_STAMP := native/llama/cpu/.integrity native/llama/vulkan/.integrity
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: run test build deps deps-test native tools clean bench

run: deps build
	Storage__SqlitePath=$(CURDIR)/data/chatcouncil.db Inference__ModelDirectory=$(CURDIR)/data/models \
	  $(DOTNET) run --no-build -c $(CONFIG) --project src/BotHost -- $(ARGS)

test: deps-test build
	@set -euo pipefail; services="$$(scripts/test-services.sh start)"; eval "$$services"; \
	trap 'scripts/test-services.sh stop' EXIT; \
	$(DOTNET) test ChatCouncil.sln --no-build -c $(CONFIG) --logger "console;verbosity=normal" $(TEST_ARGS) 2>&1 | scripts/summarize-tests.sh

build: native
	$(DOTNET) build ChatCouncil.sln -c $(CONFIG) -nologo -clp:ErrorsOnly

deps: tools
	scripts/install-system.sh run
	scripts/install-native.sh

deps-test: tools
	scripts/install-system.sh test
	scripts/install-native.sh

native:
	scripts/install-native.sh

tools:
	@scripts/check-tools.sh

bench: deps build
	bench/run-all.sh

clean:
	rm -rf artifacts .services
