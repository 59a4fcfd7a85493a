#!/usr/bin/env python3
"""Record how the reference CLI prints canned service responses.

For each case of cases.json a loopback HTTP server answers every request
with the case's status and body; the reference AWS CLI (/usr/bin/aws,
pointed at the vendored model through AWS_DATA_PATH) runs the case's
command against it with --output json. Each case runs in its variants
(time zone, cli_timestamp_format); stdout, stderr and the exit code go to
golden.json, so the decoder's result for the raw body can be compared
with what the reference printed for it.

Usage: python3 record.py   (from this directory)
"""
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading

AWS = os.environ.get("AWS_REFERENCE", "/usr/bin/aws")

VARIANTS = {
    "utc": {"TZ": "UTC"},
    "kolkata": {"TZ": "Asia/Kolkata"},
    "new_york": {"TZ": "America/New_York"},
    "wire": {"TZ": "UTC", "format": "wire"},
}

current = {"status": 200, "body": b""}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = current["body"]
        self.send_response(current["status"])
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "cases.json")) as f:
        cases = json.load(f)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = "http://127.0.0.1:%d" % server.server_address[1]
    golden = {}
    with tempfile.TemporaryDirectory() as tmp:
        wire_cfg = os.path.join(tmp, "wire.cfg")
        with open(wire_cfg, "w") as f:
            f.write("[default]\ncli_timestamp_format = wire\n")
        for case in cases:
            current["status"] = case["status"]
            current["body"] = case["body"].encode("utf-8")
            results = {}
            for variant in case.get("variants", ["utc"]):
                v = VARIANTS[variant]
                env = dict(os.environ)
                env.update(
                    AWS_DATA_PATH=os.environ.get("AWS_DATA_PATH", "/tmp/awsdata"),
                    AWS_ACCESS_KEY_ID="test",
                    AWS_SECRET_ACCESS_KEY="test",
                    AWS_DEFAULT_REGION="us-east-1",
                    AWS_PAGER="",
                    AWS_MAX_ATTEMPTS="1",
                    AWS_CONFIG_FILE=wire_cfg if v.get("format") == "wire" else "/dev/null",
                    AWS_SHARED_CREDENTIALS_FILE="/dev/null",
                    TZ=v["TZ"],
                )
                argv = [AWS, "cognito-idp", case["op"], *case["args"],
                        "--endpoint-url", endpoint, "--output", "json"]
                p = subprocess.run(argv, env=env, capture_output=True,
                                   text=True, timeout=60)
                results[variant] = {"rc": p.returncode, "stdout": p.stdout,
                                    "stderr": p.stderr}
                print(case["name"], variant, p.returncode, file=sys.stderr)
            golden[case["name"]] = results
    server.shutdown()
    with open(os.path.join(here, "golden.json"), "w") as f:
        json.dump(golden, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
