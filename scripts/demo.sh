#!/usr/bin/env bash
# Demo: create a user pool and an app client, update the client, describe it,
# all with bin/aws against a local moto server (started here on a free
# loopback port and stopped on exit). `make demo` builds bin/aws first.
set -euo pipefail
cd "$(dirname "$0")/.."

AWS_BIN=${AWS_BIN:-bin/aws}
if [[ ! -x $AWS_BIN ]]; then
	echo "demo: $AWS_BIN is missing; run 'make demo' (it builds first)" >&2
	exit 1
fi
if ! python3 -c 'import moto.server' 2>/dev/null; then
	echo "demo: python3 cannot import moto (needed for the local Cognito endpoint)" >&2
	exit 1
fi

work=$(mktemp -d)
moto_pid=
cleanup() {
	if [[ -n $moto_pid ]]; then
		kill "$moto_pid" 2>/dev/null || true
		wait "$moto_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# moto picks a free port itself (port 0) and reports it.
python3 -c '
import logging, signal, sys
logging.disable(logging.CRITICAL)
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
signal.sigwait({signal.SIGTERM, signal.SIGINT})
' >"$work/port" 2>"$work/moto.log" &
moto_pid=$!

port=
for _ in $(seq 1 200); do # at most 20 s
	port=$(head -n1 "$work/port" 2>/dev/null || true)
	[[ -n $port ]] && break
	if ! kill -0 "$moto_pid" 2>/dev/null; then
		break
	fi
	sleep 0.1
done
if [[ -z $port ]]; then
	echo "demo: moto did not start within 20 s:" >&2
	tail -n 5 "$work/moto.log" >&2
	exit 1
fi
endpoint=http://127.0.0.1:$port

mkdir -p "$work/home"
export HOME=$work/home AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=
export AWS_CONFIG_FILE=$work/home/config AWS_SHARED_CREDENTIALS_FILE=$work/home/credentials AWS_EC2_METADATA_DISABLED=true

# run prints the command, runs it and keeps its output in $out.
run() {
	local line="\$ aws" a
	for a in "$@"; do
		if [[ $a =~ ^[A-Za-z0-9_.,:/=@+-]+$ ]]; then
			line+=" $a"
		else
			line+=" '${a//\'/\'\\\'\'}'"
		fi
	done
	printf '\n%s\n' "$line"
	out=$("$AWS_BIN" --endpoint-url "$endpoint" "$@")
	printf '%s\n' "$out"
}
field() { python3 -c 'import json, sys; d = json.load(sys.stdin)
for k in sys.argv[1].split("."): d = d[k]
print(d)' "$1" <<<"$out"; }

echo "moto is listening on $endpoint"
run cognito-idp create-user-pool --pool-name demo-pool --query 'UserPool.{Id: Id, Name: Name, Arn: Arn}'
pool_id=$(field Id)
run cognito-idp create-user-pool-client --user-pool-id "$pool_id" --client-name demo-client \
	--explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH
client_id=$(field UserPoolClient.ClientId)
run cognito-idp update-user-pool-client --user-pool-id "$pool_id" --client-id "$client_id" \
	--client-name demo-client-v2 --access-token-validity 30 --id-token-validity 30 \
	--token-validity-units AccessToken=minutes,IdToken=minutes --enable-token-revocation \
	--read-attributes email name --prevent-user-existence-errors ENABLED
run cognito-idp describe-user-pool-client --user-pool-id "$pool_id" --client-id "$client_id"
