"""Record Python argparse's parse_known_args for the Go argparse tests.

    python3 internal/argparse/testdata/record.py > internal/argparse/testdata/recorded.json

Builds, with the standard library's argparse, the parsers the AWS CLI
builds: its global options (awscli's MainArgParser), and the argument
tables of update-user-pool-client and list-users (ArgTableArgParser: one
option per input member, nargs='+' for lists, --x/--no-x for booleans, the
pagination options, --generate-cli-skeleton and the 'help' positional with
nargs='?'). The parser specs are written out too, so the Go test builds the
same parsers. Invalid choices use the CLI 2.36.7 wording
("Found invalid choice 'x'"), as awscli's CLIArgParser._check_value does.

Recorded with the Python this runs on (sys.version is saved); the CLI
2.36.7 bundles a newer Python, whose argparse differs in a few corners
(see the Go test's notes).
"""
import argparse
import json
import re
import sys

MODEL = "model/botocore/service-2.json"


def xform(name):
    # botocore.xform_name with '-' (enough for cognito-idp's member names).
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1-\2", name)
    s = re.sub(r"([a-z\d])([A-Z])", r"\1-\2", s)
    s = s.lower()
    return s.replace("o-auth", "o-auth")


def global_spec():
    out = ["json", "text", "table", "yaml", "yaml-stream", "off"]
    errf = ["legacy", "json", "yaml", "text", "table", "enhanced"]
    return [
        {"options": ["--debug"], "dest": "debug", "nargs": "zero", "const": True, "default": False},
        {"options": ["--endpoint-url"], "dest": "endpoint_url"},
        {"options": ["--no-verify-ssl"], "dest": "verify_ssl", "nargs": "zero", "const": False, "default": True},
        {"options": ["--no-paginate"], "dest": "paginate", "nargs": "zero", "const": False, "default": True},
        {"options": ["--output"], "dest": "output", "choices": out},
        {"options": ["--query"], "dest": "query"},
        {"options": ["--profile"], "dest": "profile"},
        {"options": ["--region"], "dest": "region"},
        {"options": ["--color"], "dest": "color", "choices": ["on", "off", "auto"], "default": "auto"},
        {"options": ["--no-sign-request"], "dest": "sign_request", "nargs": "zero", "const": False, "default": True},
        {"options": ["--ca-bundle"], "dest": "ca_bundle"},
        {"options": ["--cli-read-timeout"], "dest": "read_timeout", "int": True},
        {"options": ["--cli-connect-timeout"], "dest": "connect_timeout", "int": True},
        {"options": ["--cli-binary-format"], "dest": "cli_binary_format", "choices": ["base64", "raw-in-base64-out"]},
        {"options": ["--no-cli-pager"], "dest": "no_cli_pager", "nargs": "zero", "const": True, "default": False},
        {"options": ["--cli-auto-prompt"], "dest": "cli_auto_prompt", "nargs": "zero", "const": True, "default": False},
        {"options": ["--no-cli-auto-prompt"], "dest": "no_cli_auto_prompt", "nargs": "zero", "const": True, "default": False},
        {"options": ["--cli-error-format"], "dest": "cli_error_format", "choices": errf},
        {"dest": "command", "choices": ["cognito-idp"], "required": True},
    ]


def op_spec(model, op, paginated):
    shapes = model["shapes"]
    inp = shapes[model["operations"][op]["input"]["shape"]]
    req = set(inp.get("required", []))
    spec = []
    for name, ref in inp["members"].items():
        t = shapes[ref["shape"]]["type"]
        opt = "--" + xform(name)
        if t == "boolean":
            spec.append({"options": [opt], "dest": name, "nargs": "zero", "const": True})
            spec.append({"options": ["--no-" + opt[2:]], "dest": name, "nargs": "zero", "const": False})
        elif t == "list":
            spec.append({"options": [opt], "dest": name, "nargs": "+", "required": name in req})
        else:
            spec.append({"options": [opt], "dest": name, "required": name in req})
    spec.append({"options": ["--cli-input-json"], "dest": "cli_input_json"})
    spec.append({"options": ["--cli-input-yaml"], "dest": "cli_input_yaml"})
    if paginated:
        spec.append({"options": ["--starting-token"], "dest": "starting_token"})
        spec.append({"options": ["--page-size"], "dest": "page_size", "int": True})
        spec.append({"options": ["--max-items"], "dest": "max_items", "int": True})
    spec.append({"options": ["--generate-cli-skeleton"], "dest": "generate_cli_skeleton", "nargs": "?",
                 "const": "input", "choices": ["input", "output", "yaml-input"]})
    spec.append({"dest": "help", "nargs": "?"})
    return spec


class Failed(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise Failed(message)

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            raise argparse.ArgumentError(action, "Found invalid choice '%s'" % value)


def build(spec):
    p = Parser(add_help=False, prog="aws", conflict_handler="resolve")
    for a in spec:
        kw = {"dest": a["dest"]} if a.get("options") else {}
        nargs = a.get("nargs", "one")
        if nargs == "zero":
            kw["action"] = "store_const"
            kw["const"] = a.get("const")
        elif nargs in ("?", "+"):
            kw["nargs"] = nargs
            if "const" in a and nargs == "?":
                kw["const"] = a["const"]
        if "default" in a:
            kw["default"] = a["default"]
        if a.get("choices"):
            kw["choices"] = a["choices"]
        if a.get("int"):
            kw["type"] = int
        if a.get("required") and a.get("options"):
            kw["required"] = True
        if a.get("options"):
            p.add_argument(*a["options"], **kw)
        else:
            p.add_argument(a["dest"], **kw)
    return p


GLOBAL_ARGV = [
    [], ["cognito-idp"], ["cognito-idp", "list-users"], ["--debug", "cognito-idp", "x"],
    ["--endpoint", "http://h", "cognito-idp"], ["--endpoint=http://h", "cognito-idp"],
    ["--endpoint-url=http://h", "cognito-idp"], ["--end", "x", "cognito-idp"],
    ["--endpoint", "--endpoint", "u", "cognito-idp"], ["--endpoint-url"], ["cognito-idp", "--endpoint-url"],
    ["--no", "cognito-idp"], ["--no-", "cognito-idp"], ["--no-p", "cognito-idp"], ["--no-cli", "cognito-idp"],
    ["--no-cli-p", "cognito-idp"], ["--cli", "x", "cognito-idp"], ["--cli-r", "5", "cognito-idp"],
    ["--cli-read-timeout", "abc", "cognito-idp"], ["--cli-read-timeout", " 7 ", "cognito-idp"],
    ["--cli-read-timeout", "1_0", "cognito-idp"], ["--cli-read-timeout", "-5", "cognito-idp"],
    ["--cli-read-timeout=-5", "cognito-idp"], ["--output", "jsn", "cognito-idp"], ["--output", "json", "cognito-idp"],
    ["--output=text", "cognito-idp", "op", "--output", "yaml"], ["cognito-idp", "op", "--output", "table", "--foo"],
    ["--query", "-x", "cognito-idp"], ["--query=-x", "cognito-idp"], ["--query", "a b", "cognito-idp"],
    ["--region", "-1", "cognito-idp"], ["--region", "-1.5", "cognito-idp"], ["--region", "-x", "cognito-idp"],
    ["--debug=1", "cognito-idp"], ["--debug", "--debug", "cognito-idp"], ["-", "cognito-idp"],
    ["--", "cognito-idp"], ["cognito-idp", "--", "--output", "json"], ["s3"], ["cognito"],
    ["cognito-idp", "op", "--profile", "p", "--region", "eu-west-1"], ["--color", "on", "cognito-idp"],
    ["--color", "blue", "cognito-idp"], ["--cli-error-format", "json", "cognito-idp"], ["--cli-e", "yaml", "cognito-idp"],
    ["--version"], ["cognito-idp", "--ver"], ["-d", "cognito-idp"], ["--prof", "x", "cognito-idp", "y"],
    ["cognito-idp", "x", "y", "--debug", "z"], ["--output", "cognito-idp"], ["--x=1", "cognito-idp"],
    ["--debug", "cognito-idp", "op", "-5", "--no-paginate"], ["cognito-idp", "op", "--no-sign", "--ca-b", "f"],
]

UUPC = "--user-pool-id p --client-id c".split()
OP_ARGV = [
    [], UUPC, ["--user-pool-id", "p"], ["--client-id", "c"], UUPC + ["--client-name", "n"],
    UUPC + ["--client-name=n=m"], UUPC + ["--client"], UUPC + ["--client-n", "x"],
    UUPC + ["--explicit-auth-flows", "A", "B", "C"], UUPC + ["--explicit-auth-flows"],
    UUPC + ["--explicit-auth-flows", "A", "--explicit-auth-flows", "B"], UUPC + ["--explicit-auth-flows=A", "B"],
    UUPC + ["--enable-token-revocation", "false"], UUPC + ["--enable-token-revocation=false"],
    UUPC + ["--no-enable-token-revocation"], UUPC + ["--no-enable"], UUPC + ["--enable"],
    UUPC + ["--foo", "--bar", "baz"], UUPC + ["stray"], ["stray"] + UUPC, UUPC + ["--foo", "s1", "s2"],
    UUPC + ["s1", "s2", "s3"], UUPC + ["help"], ["help"], UUPC + ["--refresh-token-validity", "-5"],
    UUPC + ["--refresh-token-validity", "-x"], UUPC + ["--refresh-token-validity=-x"], UUPC + ["--client-name", "-"],
    UUPC + ["--client-name", "--"], UUPC + ["--", "--client-name", "x"], UUPC + ["--client-name", "a b"],
    UUPC + ["--client-name", "-a b"], UUPC + ["--callback-urls", "-1", "-2"], UUPC + ["--callback-urls", "a", "-1.5", "-x"],
    UUPC + ["--generate-cli-skeleton"], UUPC + ["--generate-cli-skeleton", "output"], UUPC + ["--generate-cli-skeleton", "bad"],
    ["--generate-cli-skeleton", "input"], UUPC + ["--generate-cli-skeleton", "output", "extra"],
    UUPC + ["--cli-input-json", "{}"], ["--cli-input-json", "{}"], UUPC + ["--token-validity-units", "AccessToken=hours"],
    UUPC + ["--allowed-o-auth-flows", "code", "implicit"], UUPC + ["--allowed-o", "code"], UUPC + ["--a", "x"],
    UUPC + ["--user-pool-id", "q"], UUPC + ["-x"], UUPC + ["-"], UUPC + ["--client-name", ""],
    UUPC + ["--client-name"], ["--user-pool-id"], UUPC + ["--client-name=", "x"], UUPC + ["--enable-token-revocation", "--no-enable-token-revocation"],
]

LU = "--user-pool-id p".split()
LIST_ARGV = [
    LU, LU + ["--max-items", "2"], LU + ["--max-items", "x"], LU + ["--max-items=-1"], LU + ["--max-items", "-1"],
    LU + ["--max", "2"], LU + ["--page-size", "3", "--max-items", "4", "--starting-token", "abc=="],
    LU + ["--starting-token", "-abc"], LU + ["--starting-token=-abc"], LU + ["--starting", "t"], LU + ["--limit", "5"],
    LU + ["--li", "5"], LU + ["--l", "5"], LU + ["--pag", "5"], LU + ["--page", "5"], LU + ["--attributes-to-get", "email", "name"],
    LU + ["--filter", "name = \"x\""], LU + ["--pagination-token", "t", "--max-items", "1"], LU + ["--page-size", "1.5"],
    LU + ["--page-size", " 3"], LU + ["--page-size", "0x10"], LU + ["--max-items", "1", "--max-items", "2"],
]


def main():
    with open(MODEL) as f:
        model = json.load(f)
    specs = {"global": global_spec(), "update-user-pool-client": op_spec(model, "UpdateUserPoolClient", False),
             "list-users": op_spec(model, "ListUsers", True)}
    vectors = {"global": GLOBAL_ARGV, "update-user-pool-client": OP_ARGV, "list-users": LIST_ARGV}
    out = {"python": sys.version.split()[0], "specs": specs, "cases": []}
    for name, argvs in vectors.items():
        p = build(specs[name])
        for argv in argvs:
            rec = {"parser": name, "argv": argv}
            try:
                ns, extras = p.parse_known_args(argv)
                rec["values"] = vars(ns)
                rec["extras"] = extras
            except Failed as e:
                rec["error"] = str(e)
            out["cases"].append(rec)
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


main()
