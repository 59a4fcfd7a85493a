# Build, test and measure the drop-in `aws cognito-idp` binary.
SHARED ?= ../shared
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X github.com/cognito-cli/aws/cmd.Version=$(VERSION)

.PHONY: build generate test conform demo bench fuzz clean

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/aws ./cmd/aws

generate:
	$(GO) generate ./model

test: build
	$(GO) vet ./...
	$(GO) test ./...

conform: build
	$(SHARED)/conformance/conform bin/aws $(SHARED)/conformance/cases

demo: build
	./scripts/demo.sh

bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(SHARED)/bench/bench bin/aws

clean:
	rm -rf bin dist
