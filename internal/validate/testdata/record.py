#!/usr/bin/env python3
"""Record the reference CLI's parameter validation reports for cases.json.

Each case's "input" is passed as --cli-input-json to the reference AWS CLI
(/usr/bin/aws, pointed at the vendored model through AWS_DATA_PATH).
Validation runs before any request, so the endpoint is an unreachable
loopback port: a case that passes validation ends in a connection error.
A case with "bytes" also passes that member as fileb:// of a file holding
the decoded bytes, the one way to hand the CLI a bytes value.
The reference's stderr and exit code go to golden.json.

Usage: python3 record.py   (from this directory)
"""
import json
import os
import base64
import subprocess
import sys
import tempfile

AWS = os.environ.get("AWS_REFERENCE", "/usr/bin/aws")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "cases.json")) as f:
        cases = json.load(f)
    env = dict(os.environ)
    env.update(
        AWS_DATA_PATH=os.environ.get("AWS_DATA_PATH", "/tmp/awsdata"),
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_PAGER="",
        AWS_MAX_ATTEMPTS="1",
        AWS_CONFIG_FILE="/dev/null",
        AWS_SHARED_CREDENTIALS_FILE="/dev/null",
    )
    golden = {}
    for case in cases:
        argv = [AWS, "cognito-idp", case["op"],
                "--endpoint-url", "http://127.0.0.1:9",
                "--cli-connect-timeout", "1",
                "--cli-input-json", json.dumps(case["input"])]
        argv += case.get("args", [])
        with tempfile.TemporaryDirectory() as tmp:
            if "bytes" in case:
                path = os.path.join(tmp, "value.bin")
                with open(path, "wb") as f:
                    f.write(base64.b64decode(case["bytes"]["b64"]))
                argv += [case["bytes"]["option"], "fileb://" + path]
            p = subprocess.run(argv, env=env, capture_output=True, text=True,
                               timeout=60, cwd=tmp)
        golden[case["name"]] = {"rc": p.returncode, "stderr": p.stderr}
        print(case["name"], p.returncode, file=sys.stderr)
    with open(os.path.join(here, "golden.json"), "w") as f:
        json.dump(golden, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
