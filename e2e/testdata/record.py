#!/usr/bin/env python3
"""Record what Python's shlex.split and conform's normalize() give for the
inputs the Go reimplementations (e2e.Split, e2e.Normalizer) are tested on.

Usage (from the repository root):
    python3 e2e/testdata/record.py ../shared/conformance/conform > e2e/testdata/python.json
"""
import importlib.machinery
import importlib.util
import json
import shlex
import sys

SPLIT = [
    "aws cognito-idp list-users",
    "  aws   a\tb  ",
    "aws --x 'single quoted' \"double quoted\"",
    "aws 'it''s' \"a\\\"b\" \"c\\\\d\" \"e\\nf\" g\\ h",
    "aws --query 'UserPool.SchemaAttributes[?starts_with(Name, `custom:`)]'",
    "aws \"ApplicationId='it''s'\"",
    "aws a\\'b c\\\\d",
    "aws '' \"\" x",
    "aws $POOL_ID ${CLIENT_ID} $$",
    "aws --auth-parameters '{\"USERNAME\": \"frank\", \"PASSWORD\": \"$PASSWORD\"}'",
    "aws ünïcødé 'ß x'",
    "aws 'unterminated",
    "aws \"unterminated",
    "aws trailing\\",
]

NORMALIZE = [
    "2026-01-02T03:04:05.678000+00:00",
    "\"CreationDate\": \"2026-01-02T03:04:05.678000+00:00\",",
    "LastModifiedDate\t1767323045.678\tx",
    "1767323045",
    "id-1767323045",
    "v1767323045",
    "1767323045.678x",
    "1767323045x",
    "a.1767323045",
    "12345678901",
    "2026-01-02 03:04:05",
    "2026-01-02T03:04:05Z and 2026-01-02T03:04:05.1-0500",
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl tail",
    "http://127.0.0.1:4566/ and localhost:4566 and 127.0.0.1:45660",
    "/tmp/case-123/t/file.json and /tmp/case-123/t",
]


def main():
    loader = importlib.machinery.SourceFileLoader("conform", sys.argv[1])
    spec = importlib.util.spec_from_loader("conform", loader)
    conform = importlib.util.module_from_spec(spec)
    loader.exec_module(conform)
    splits = []
    for s in SPLIT:
        try:
            splits.append({"in": s, "out": shlex.split(s)})
        except ValueError as exc:
            splits.append({"in": s, "error": str(exc)})
    ctx = {"paths": ["/tmp/case-123/t"], "port": 4566}
    norms = [{"in": s, "out": conform.normalize(s, ctx)} for s in NORMALIZE]
    json.dump({"paths": ctx["paths"], "port": ctx["port"], "split": splits,
               "normalize": norms}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
