# Build, test and measure the drop-in `aws cognito-idp` binary.
SHARED ?= ../shared
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X github.com/cognito-cli/aws/cmd.Version=$(VERSION)

PREFIX ?= /usr/local
DESTDIR ?=
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

.PHONY: build generate test conform demo bench fuzz clean install man completions release

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/aws ./cmd/aws

generate:
	$(GO) generate ./model
	$(GO) generate ./internal/help ./internal/completion

# The binary answers shell completion when run as aws_completer, so the
# completer is a link to it; man pages go with it.
install: build man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 bin/aws $(DESTDIR)$(PREFIX)/bin/aws
	ln -sf aws $(DESTDIR)$(PREFIX)/bin/aws_completer
	install -m 0644 dist/man/man1/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/

# man(1) pages for aws, the service and every operation, from the model.
man:
	$(GO) run ./cmd/gendocs -man dist/man/man1 -version $(VERSION)

# bash, zsh, fish and PowerShell completion scripts (cobra's generators).
completions:
	$(GO) run ./cmd/gendocs -completions dist/completions

# Static binaries for every platform with the version stamped, the man
# pages and completion scripts in one archive, and their SHA-256 sums.
release:
	rm -rf dist
	set -e; for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; \
		if [ "$$os" = windows ]; then ext=.exe; fi; \
		echo "build $$os/$$arch"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' \
			-o dist/aws_$(VERSION)_$${os}_$$arch$$ext ./cmd/aws; \
	done
	$(GO) run ./cmd/gendocs -man dist/docs/man/man1 -completions dist/docs/completions -version $(VERSION)
	tar -C dist/docs -czf dist/aws_$(VERSION)_docs.tar.gz man completions
	rm -rf dist/docs
	cd dist && if command -v sha256sum >/dev/null 2>&1; then sha256sum aws_* > SHA256SUMS; \
		else shasum -a 256 aws_* > SHA256SUMS; fi
	cat dist/SHA256SUMS

test: build
	$(GO) vet ./...
	$(GO) test ./...

# Every fuzz target of every package, one after the other, FUZZTIME each
# (go test accepts a duration or a count such as 10000x). Stops at the first
# failure; a crasher is written under the package's testdata/fuzz/.
FUZZTIME ?= 30s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$target ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

conform: build
	$(SHARED)/conformance/conform bin/aws $(SHARED)/conformance/cases

demo: build
	./scripts/demo.sh

# Go benchmarks of the hot paths (list-users sizes 200, 2,000 and 20,000),
# summarised with the cost per user, then the comparison with the reference.
bench: build
	BENCH_LARGE=1 $(GO) test -run '^$$' -bench . -benchmem ./... | $(GO) run ./internal/benchdata/benchsum
	$(SHARED)/bench/bench bin/aws

clean:
	rm -rf bin dist
