#!/bin/sh
# Record the pagination golden files from the reference AWS CLI against a
# local moto server (started by the test harness):
#   pagination/testdata/record.sh [-reference /usr/bin/aws]
set -eu
cd "$(dirname "$0")/.."
exec go test -count=1 -run 'TestGolden$' . -args -record "$@"
