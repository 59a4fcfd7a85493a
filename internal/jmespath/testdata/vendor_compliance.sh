#!/bin/sh
# Copies the official JMESPath compliance suite (as shipped with
# github.com/jmespath/go-jmespath v0.4.0, Apache-2.0) into testdata/compliance.
set -eu
cd "$(dirname "$0")"
dir=$(cd ../../.. && go mod download -json github.com/jmespath/go-jmespath@v0.4.0 | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
cp "$dir"/compliance/*.json compliance/
cp "$dir"/LICENSE compliance/LICENSE
chmod 644 compliance/*
