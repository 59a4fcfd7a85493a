"""Record botocore's PageIterator behaviour for the Go paginate tests.

Run with the Python that has botocore 1.43.11 (pyenv's python3):
    python3 internal/paginate/testdata/record.py > internal/paginate/testdata/recorded.json

Each scenario drives botocore.paginate.PageIterator with a fake operation
that serves fixed pages keyed by the input token, and records the keyword
arguments of every call, every page as yielded (after truncation), the
resume token, and build_full_result() -- or the exception the iterator
raised (its type and str(), which is what the CLI prints).
"""
import base64
import copy
import itertools
import json
import sys

import botocore
import jmespath
from botocore.paginate import PageIterator, TokenEncoder

CONFIGS = {
    "ListUsers": {"input_token": "PaginationToken", "output_token": "PaginationToken",
                  "limit_key": "Limit", "result_key": "Users"},
    "ListGroups": {"input_token": "NextToken", "output_token": "NextToken",
                   "limit_key": "Limit", "result_key": "Groups"},
}


def make_pages(cfg, sizes, tokens=None, extra=None):
    """Pages keyed by the token that fetches them ("" for the first)."""
    pages = []
    n = 0
    for i, size in enumerate(sizes):
        page = {cfg["result_key"]: [{"Name": "item%d" % (n + k)} for k in range(size)]}
        n += size
        if i + 1 < len(sizes):
            page[cfg["output_token"]] = tokens[i] if tokens else "tok%d" % (i + 1)
        if extra:
            page.update(extra)
        pages.append(page)
    keyed = {}
    keyed[""] = pages[0]
    for i in range(1, len(pages)):
        tok = pages[i - 1][cfg["output_token"]]
        if tok:
            keyed[tok] = pages[i]
    return keyed


class Recording(PageIterator):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.yielded = []

    def __iter__(self):
        for page in super().__iter__():
            self.yielded.append(copy.deepcopy(page))
            yield page


def run(op, pages, max_items=None, page_size=None, starting_token=None, params=None):
    cfg = CONFIGS[op]
    calls = []

    def method(**kwargs):
        calls.append(copy.deepcopy(kwargs))
        if len(calls) > 50:
            raise RuntimeError("too many calls")
        tok = kwargs.get(cfg["input_token"], "")
        if not isinstance(tok, str) or tok not in pages:
            raise KeyError("no page for token %r" % (tok,))
        return copy.deepcopy(pages[tok])

    it = Recording(
        method,
        [cfg["input_token"]],
        [jmespath.compile(cfg["output_token"])],
        None,
        [jmespath.compile(cfg["result_key"])],
        [],
        cfg["limit_key"],
        max_items,
        starting_token,
        page_size,
        dict(params or {"UserPoolId": "pool"}),
    )
    rec = {"op": op, "pages": pages, "max_items": max_items, "page_size": page_size,
           "starting_token": starting_token, "params": params or {"UserPoolId": "pool"}}
    try:
        full = it.build_full_result()
        rec["full_result"] = full
        rec["resume_token"] = it.resume_token
    except Exception as e:  # the CLI prints str(e) for any of these
        rec["error"] = {"type": type(e).__name__, "message": str(e)}
    rec["calls"] = calls
    rec["yielded"] = it.yielded
    return rec


def b64(obj):
    return base64.b64encode(json.dumps(obj).encode()).decode()


def main():
    enc = TokenEncoder()
    out = {"botocore": botocore.__version__, "scenarios": [], "encodings": []}
    sc = out["scenarios"]
    for op in CONFIGS:
        cfg = CONFIGS[op]
        it_key = cfg["input_token"]
        layouts = [[3, 3, 2], [1], [0], [2, 0, 2], [4, 4]]
        for sizes in layouts:
            pages = make_pages(cfg, sizes)
            total = sum(sizes)
            for mi in [None, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0]:
                for ps in [None, 2]:
                    rec = run(op, pages, mi, ps)
                    sc.append(rec)
                    # Resume from the token this run printed, twice.
                    tok = rec.get("resume_token")
                    for _ in range(2):
                        if not tok:
                            break
                        r2 = run(op, pages, mi, ps, tok)
                        sc.append(r2)
                        tok = r2.get("resume_token")
        pages = make_pages(cfg, [3, 3, 2])
        starts = [
            "tok1", "tok2", "None", "tok1___2", "tok1___x", "a___b___c", "None___1",
            "abc", "!!!", "", " ", "tok1___-1", "tok1___ 2", "tok1___1_0",
            b64({it_key: "tok1"}), b64({it_key: "tok1", "boto_truncate_amount": 2}),
            b64({it_key: "tok1", "boto_truncate_amount": 5}),
            b64({it_key: None, "boto_truncate_amount": 1}),
            b64({"boto_truncate_amount": 1}), b64({}),
            b64({it_key: "tok2", "Extra": 1}), b64({it_key: "tok1", "UserPoolId": "other"}),
            b64({it_key: "tok1", "boto_truncate_amount": -1}),
            b64({it_key: "tok1", "boto_truncate_amount": "2"}),
            b64({it_key: "tok1", "boto_truncate_amount": 1.5}),
            b64({it_key: "tok1", "boto_truncate_amount": True}),
            b64({it_key: "None"}), b64({it_key: ""}),
            b64("tok1"), b64(["tok1"]), b64(1), b64(None),
            b64({it_key: "tok1"})[:-1], b64({it_key: "tok1"}).rstrip("="),
            "  " + b64({it_key: "tok1"}) + "\n", b64({it_key: "tok1"}) + "!!",
            base64.b64encode(b'\xff\xfe').decode(), base64.b64encode(b'{"a": ').decode(),
            base64.urlsafe_b64encode(json.dumps({it_key: "tok1?>"}).encode()).decode(),
            b64({it_key: "tok1", "boto_encoded_keys": []}),
        ]
        for st in starts:
            for mi in [None, 1, 4]:
                sc.append(run(op, pages, mi, None, st))
        # Non-ASCII and quote-bearing service tokens round-trip through resume tokens.
        odd = make_pages(cfg, [2, 2, 1], tokens=["t\u00f8k\U0001F600", "it's \"x\""])
        for mi in [1, 2, 3, 4]:
            rec = run(op, odd, mi)
            sc.append(rec)
            if rec.get("resume_token"):
                sc.append(run(op, odd, mi, None, rec["resume_token"]))
        # An empty-string token ends pagination; a repeated token is an error.
        sc.append(run(op, {"": {cfg["result_key"]: [{"Name": "x"}], cfg["output_token"]: ""}}))
        loop = {"": {cfg["result_key"]: [{"Name": "x"}], cfg["output_token"]: "same"},
                "same": {cfg["result_key"]: [{"Name": "y"}], cfg["output_token"]: "same"}}
        sc.append(run(op, loop))
        sc.append(run(op, loop, 1))
        sc.append(run(op, loop, 2))
        # A page without the result key, and one whose result is a string.
        nokey = {"": {cfg["output_token"]: "tok1"}, "tok1": {cfg["result_key"]: [{"Name": "z"}]}}
        sc.append(run(op, nokey))
        sc.append(run(op, nokey, 1))
        sc.append(run(op, nokey, None, None, b64({it_key: None, "boto_truncate_amount": 1})))
        # Parameters the caller gave are passed through on every call.
        sc.append(run(op, pages, None, 3, None, {"UserPoolId": "p", "Filter": "name = \"x\""}))
    for tok in [{"NextToken": "abc"}, {"NextToken": "abc", "boto_truncate_amount": 2},
                {"PaginationToken": "t\u00f8k\U0001F600\"\\/\n"}, {"NextToken": None},
                {"NextToken": "x" * 300, "boto_truncate_amount": 12345678901234}]:
        out["encodings"].append({"token": tok, "encoded": enc.encode(tok)})
    # Python's lenient base64 decoding, on random and chosen strings.
    import random
    rnd = random.Random(5)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/==  -_!\n\u00e9"
    inputs = ["", "=", "==", "a", "ab", "ab=", "ab==", "abc", "abc=", "abcd", "abcd=", "ab=c", "a=bc",
              "ab==cd", "abc=d", "YQ==YQ==", "YQ=", "Y Q = =", "\u00e9YWJj", "YWJj\u00e9"]
    inputs += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14))) for _ in range(400)]
    out["b64"] = []
    for s_ in inputs:
        try:
            out["b64"].append({"in": s_, "hex": base64.b64decode(s_.encode("utf-8")).hex()})
        except ValueError as e:
            out["b64"].append({"in": s_, "error": str(e)})
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


main()
