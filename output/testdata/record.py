#!/usr/bin/python3
"""Record golden output of the reference AWS CLI for the formatter tests.

Starts moto_server on a free loopback port, seeds a user pool, then runs
/usr/bin/aws for every case below in each output format. For each case NAME
it writes into golden/:

  NAME.json            the --output json result: the formatters' input
                       (empty when the reference prints nothing: an empty
                       object)
  NAME.text, NAME.table, NAME.table-color, NAME.yaml, NAME.yaml-stream
                       the exact stdout of each format
  NAME.FORMAT.err      exit code and stderr, when the reference failed

and golden/cases.txt: one "NAME<TAB>OperationName" line per case (the
table's title).

Run from anywhere: python3 output/testdata/record.py
"""
import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "golden")
AWS = "/usr/bin/aws"

FORMATS = [
    ("text", ["--output", "text"]),
    ("table", ["--output", "table"]),
    ("table-color", ["--output", "table", "--color", "on"]),
    ("yaml", ["--output", "yaml"]),
    ("yaml-stream", ["--output", "yaml-stream"]),
]


def free_port():
    for _ in range(50):
        port = random.randint(20000, 40000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise SystemExit("no free port")


def env():
    e = dict(os.environ)
    e.update(
        AWS_DATA_PATH="/tmp/awsdata",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_PAGER="",
        AWS_CONFIG_FILE="/dev/null",
        AWS_SHARED_CREDENTIALS_FILE="/dev/null",
    )
    e.pop("AWS_PROFILE", None)
    e.pop("AWS_DEFAULT_OUTPUT", None)
    return e


def lit(doc):
    """A --query that returns doc: a JMESPath JSON literal."""
    s = json.dumps(doc, ensure_ascii=False)
    assert "`" not in s
    return "`" + s + "`"


def main():
    port = free_port()
    endpoint = "http://127.0.0.1:%d" % port
    server = subprocess.Popen(
        ["moto_server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(
                    urllib.request.Request(endpoint + "/moto-api/reset",
                                           method="POST"), timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        record(endpoint)
    finally:
        server.terminate()
        server.wait(timeout=10)


def aws(endpoint, args):
    p = subprocess.run([AWS, "--endpoint-url", endpoint, "cognito-idp"] + args,
                       env=env(), capture_output=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def must(endpoint, args):
    rc, out, err = aws(endpoint, args)
    if rc != 0:
        raise SystemExit("setup failed: %s: %s" % (args, err.decode()))
    return json.loads(out) if out.strip() else None


def seed(endpoint):
    pool = must(endpoint, ["create-user-pool", "--pool-name", "golden-pool"])
    pid = pool["UserPool"]["Id"]
    empty = must(endpoint, ["create-user-pool", "--pool-name", "empty-pool"])
    c = must(endpoint, [
        "create-user-pool-client", "--user-pool-id", pid,
        "--client-name", "web-app",
        "--explicit-auth-flows", "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
        "--allowed-o-auth-flows", "code",
        "--allowed-o-auth-scopes", "openid", "email",
        "--allowed-o-auth-flows-user-pool-client",
        "--callback-urls", "https://example.com/callback",
        "--logout-urls", "https://example.com/logout",
        "--read-attributes", "email", "name",
        "--access-token-validity", "60", "--id-token-validity", "60",
        "--token-validity-units",
        "AccessToken=minutes,IdToken=minutes,RefreshToken=days",
        "--prevent-user-existence-errors", "ENABLED"])
    cid = c["UserPoolClient"]["ClientId"]
    for name in ["beta", "gamma"]:
        must(endpoint, ["create-user-pool-client", "--user-pool-id", pid,
                        "--client-name", name])
    must(endpoint, ["create-group", "--user-pool-id", pid, "--group-name",
                    "admins", "--description", "Administrators",
                    "--precedence", "1"])
    must(endpoint, ["create-group", "--user-pool-id", pid, "--group-name",
                    "viewers"])
    must(endpoint, ["admin-create-user", "--user-pool-id", pid, "--username",
                    "erin", "--user-attributes", "Name=email,Value=erin@example.com",
                    "Name=name,Value=Érin Ünal"])
    must(endpoint, ["admin-add-user-to-group", "--user-pool-id", pid,
                    "--username", "erin", "--group-name", "admins"])
    return pid, empty["UserPool"]["Id"], cid


def cases(pid, empty, cid):
    P = ["--user-pool-id", pid]
    lupc = ["list-user-pool-clients"] + P
    dup = ["describe-user-pool"] + P

    def q(doc):
        return dup + ["--query", lit(doc)]

    long_words = " ".join(["word%d" % i for i in range(40)])
    return [
        ("dupc", "DescribeUserPoolClient",
         ["describe-user-pool-client"] + P + ["--client-id", cid]),
        ("lupc", "ListUserPoolClients", lupc),
        ("lupc-empty", "ListUserPoolClients",
         ["list-user-pool-clients", "--user-pool-id", empty]),
        ("dup", "DescribeUserPool", dup),
        ("user-get", "AdminGetUser",
         ["admin-get-user"] + P + ["--username", "erin"]),
        ("users", "ListUsers", ["list-users"] + P),
        ("groups", "ListGroups", ["list-groups"] + P),
        ("groups-for-user", "AdminListGroupsForUser",
         ["admin-list-groups-for-user"] + P + ["--username", "erin"]),
        ("q-length", "ListUserPoolClients",
         lupc + ["--query", "length(UserPoolClients)"]),
        ("q-names", "ListUserPoolClients",
         lupc + ["--query", "UserPoolClients[].ClientName"]),
        ("q-list-of-lists", "ListUserPoolClients",
         lupc + ["--query", "UserPoolClients[].[ClientName,ClientId]"]),
        ("q-multiselect", "ListUserPoolClients",
         lupc + ["--query", "UserPoolClients[].{Name:ClientName,Id:ClientId}"]),
        ("q-one-hash", "ListUserPoolClients",
         lupc + ["--query", "UserPoolClients[0].{Name:ClientName,Id:ClientId}"]),
        ("q-missing", "ListUserPoolClients",
         lupc + ["--query", "UserPoolClients[0].Missing"]),
        ("q-empty-filter", "ListUserPoolClients",
         lupc + ["--query", "UserPoolClients[?ClientName=='nope']"]),
        ("q-empty-object", "DescribeUserPool", q({})),
        ("q-string", "ListUserPoolClients",
         lupc + ["--query", "UserPoolClients[0].ClientName"]),
        ("lit-mixed", "DescribeUserPool", q({"a": [1, 2.5, True, None]})),
        ("lit-unicode", "DescribeUserPool",
         q({"Name": "Café ünïcode 日本", "Id": "x", "ü-key": ["é", "日本語テキスト"],
            "Nested": {"Ä": "ö", "n": 1}})),
        ("lit-unicode-list", "DescribeUserPool",
         q([{"Name": "Café ünïcode 日本", "Id": "43b7"}, {"Name": "b", "Id": "ÉÉ"}])),
        ("lit-numbers", "DescribeUserPool",
         q({"int": 1, "float": 2.5, "whole": 1.0, "big": 1e20, "tiny": 1e-7,
            "neg": -0.0, "huge": 123456789012345678901234567890,
            "negint": -42, "zero": 0, "t": True, "f": False, "n": None})),
        ("lit-yaml-quoting", "DescribeUserPool",
         q(["yes", "no", "on", "off", "y", "n", "true", "True", "FALSE", "null",
            "Null", "~", "", " ", "123", "-1", "+1", "1_000", "0x1F", "0o17",
            "0b101", "012", "1.5", ".5", "1e3", "1e+20", ".inf", "-.Inf",
            ".nan", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
            "0000-00-00T00:00:00.000000+00:00", "=", "<<", "#hash", "a #b",
            "a# b", "a: b", "a:b", "https://x.example/a: b",
            "https://x.example/path?q=1", "- x", "-x", "-", "--", "---",
            "...", "? x", "?x", ":x", ": x", "@x", "%x", "!x", "&x", "*x",
            "|x", ">x", "'x", "\"x", "x'y", "x\"y", "[x", "x]", "{x", "x}",
            ",x", "x,y", "x y", " lead", "trail ", "two  spaces",
            "line1\nline2", "line1\n\nline3", "\nlead", "trail\n",
            "sp \nbreak", "break\n sp", "tab\there", "cr\rx", "bell\x07",
            "nel\x85x", "ls\u2028x", "nbsp\u00a0x", "bom\ufeffx",
            "emoji\U0001F600", "back\\slash", "Café", "日本", "é é",
            "ALLOW_USER_PASSWORD_AUTH", "us-east-1_abc", "a=b", "x:",
            "x:\ty", "\ty"])),
        ("lit-yaml-keys", "DescribeUserPool",
         q({"a: b": 1, "123": 2, "": 3, "true": 4, "k" * 130: 5, "multi\nline": 6,
            "é": 7, "tab\tkey": 8, "k" * 128: 9, "B": {"x": []}, "a": {},
            "list": [[], {}, [[1, 2], ["x"]], {"k": [{"a": 1}]}]})),
        ("lit-long", "DescribeUserPool",
         q({"Long": long_words, "Quoted": "'" + long_words,
            "Dq": "\t" + long_words, "NoSpace": "x" * 120,
            "List": [long_words, "y" * 90 + " z"],
            "Deep": {"Deeper": {"Deepest": long_words}}})),
        ("lit-nested-lists", "DescribeUserPool",
         q([[1, 2], [3, 4], "s", [["a", "b"], "c"], []])),
        ("lit-list-of-lists-ragged-scalars", "DescribeUserPool",
         q(["a", "b", ["c", "d"], "e"])),
        ("lit-list-of-dicts-ragged", "DescribeUserPool",
         q({"Items": [{"a": 1, "b": "x"}, {"a": 2, "c": [1, 2], "d": {"e": 1}},
                      {"b": "y", "c": [], "d": {"e": 2, "f": [{"g": 1}]}}]})),
        ("lit-scalar-vs-dict", "DescribeUserPool",
         q({"Items": [{"a": 1, "b": "x"}, {"a": {"k": "v", "n": [1, None]}, "b": "y"}]})),
        ("lit-dict-in-scalar-list", "DescribeUserPool",
         q(["x", {"k": "v", "j": 1}, "y"])),
        ("lit-falsy", "DescribeUserPool",
         q({"z": 0, "f": False, "e": "", "n": None, "l": [], "d": {},
            "sub": {"z": 0}, "lst": [0, False, "", None]})),
        ("lit-single-scalar", "DescribeUserPool",
         q({"Only": "one", "More": {"Inner": 1}})),
        ("lit-wide-single-row", "DescribeUserPool",
         q({"Alpha": "a" * 30, "Beta": "b" * 30, "Gamma": "c" * 30})),
        ("lit-wide-rows", "DescribeUserPool",
         q([{"Alpha": "a" * 30, "Beta": "b" * 30, "Gamma": "c" * 30},
            {"Alpha": "x", "Beta": "y", "Gamma": "z"}])),
        ("lit-rounding", "DescribeUserPool",
         q([{"a": "x" * 3, "b": "y" * 7, "c": "z" * 11, "d": "w" * 13},
            {"a": "1", "b": "2", "c": "3", "d": "4"}, "loooooooooooooooooooooooooong title row"])),
        ("lit-special-text", "DescribeUserPool",
         q({"s": "tab\tin", "n": "new\nline", "q": "it's \"q\"",
            "l": [{"k": "it's"}, {"k": "x"}], "x": [["a", "b"], ["c"]]})),
        ("lit-repr", "DescribeUserPool",
         q([{"a": "plain"}, {"a": {"s": "it's", "d": "say \"hi\"", "both": "'\"",
                                 "u": "é日\t\n\\", "f": 1.5, "b": True, "n": None,
                                 "l": [1, "x", [], {}]}}])),
        ("lit-top-string", "DescribeUserPool", q("Café \"q\"\n\ttab")),
        ("lit-top-float", "DescribeUserPool", q(1e20)),
        ("lit-top-zero", "DescribeUserPool", q(0)),
        ("lit-top-false", "DescribeUserPool", q(False)),
        ("lit-top-true", "DescribeUserPool", q(True)),
        ("lit-top-empty-string", "DescribeUserPool", q("")),
        ("lit-empty-list", "DescribeUserPool", q([])),
        ("lit-ragged-rows", "DescribeUserPool", q([[1, 2], [3]])),
        ("lit-dict-then-scalar", "DescribeUserPool", q([{"a": 1}, "x"])),
        ("lit-list-in-list-of-dicts", "DescribeUserPool",
         q({"L": [{"a": 1}, ["x", "y"], {"a": 2}]})),
    ]


def record(endpoint):
    pid, empty, cid = seed(endpoint)
    os.makedirs(OUT, exist_ok=True)
    manifest = []
    for name, op, args in cases(pid, empty, cid):
        manifest.append("%s\t%s\n" % (name, op))
        rc, out, err = aws(endpoint, args)
        if rc != 0:
            raise SystemExit("%s: json failed: %s" % (name, err.decode()))
        with open(os.path.join(OUT, name + ".json"), "wb") as f:
            f.write(out)
        for fmt, flags in FORMATS:
            rc, out, err = aws(endpoint, args + flags)
            with open(os.path.join(OUT, "%s.%s" % (name, fmt)), "wb") as f:
                f.write(out)
            errpath = os.path.join(OUT, "%s.%s.err" % (name, fmt))
            if rc != 0:
                with open(errpath, "wb") as f:
                    f.write(b"%d\n" % rc + err)
            elif os.path.exists(errpath):
                os.remove(errpath)
    with open(os.path.join(OUT, "cases.txt"), "w") as f:
        f.writelines(manifest)


if __name__ == "__main__":
    main()
