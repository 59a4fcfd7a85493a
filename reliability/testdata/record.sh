#!/bin/sh
# Records the reliability goldens from the reference CLI (Debian's AWS CLI v2
# 2.9.19 at /usr/bin/aws, pointed at the current cognito-idp model through
# AWS_DATA_PATH). The tests translate its error text to 2.36.7's.
set -eu
cd "$(dirname "$0")/.."
exec go test -count=1 -run 'TestFaults|TestInterrupt|TestBrokenPipe' . -args -record \
	-reference "${REFERENCE:-/usr/bin/aws}" -data-path "${AWS_DATA_PATH:-/tmp/awsdata}" "$@"
