#!/bin/sh
# Records the reference CLI's completer (AWS CLI v2's aws_completer, pointed
# at the vendored model) for each line of lines.txt into reference.txt:
# "== <line>" then the candidates, one per line.
set -eu
cd "$(dirname "$0")"
COMPLETER=${COMPLETER:-/usr/libexec/aws_completer}
export AWS_DATA_PATH=${AWS_DATA_PATH:-/tmp/awsdata}
: > reference.txt
while IFS= read -r line; do
	printf '== %s\n' "$line" >> reference.txt
	COMP_LINE="$line" COMP_POINT=${#line} "$COMPLETER" | sed '/^$/d' >> reference.txt
done < lines.txt
