#!/usr/bin/env bash
# Record the end-to-end golden files (testdata/golden/) from the reference CLI.
#
# The reference is AWS CLI v2 at /usr/bin/aws (Debian's 2.9.19: install it
# with `apt-get update && apt-get install -y awscli`), pointed at the vendored
# cognito-idp model through AWS_DATA_PATH. Its error text is translated into
# 2.36.7's by the rules in ../shared/conformance/REFERENCE.md; cases marked
# `ref:` are checked against the cached 2.36.7 transcripts before they are
# written. Needs python3 with moto, like the tests.
#
# Usage: scripts/record-golden.sh [-run REGEXP]    (default: every case)
set -euo pipefail
cd "$(dirname "$0")/.."

REFERENCE=${REFERENCE:-/usr/bin/aws}
if [[ ! -x $REFERENCE ]]; then
	echo "record-golden: no reference CLI at $REFERENCE; install it with: apt-get update && apt-get install -y awscli" >&2
	exit 1
fi
if ! python3 -c 'import moto.server' 2>/dev/null; then
	echo "record-golden: python3 cannot import moto; the harness needs moto's server" >&2
	exit 1
fi

run='^(TestGolden|TestNoArgs)$'
if [[ ${1:-} == -run ]]; then
	run=$2
fi
mkdir -p testdata/golden
# -count=1: recording must never come from the test cache; the reference
# takes about a second per command, hence the generous timeout.
exec go test ./e2e -count=1 -timeout 30m -run "$run" -args -record -reference "$REFERENCE"
