"""Record Python's difflib for the Go difflib tests.

    python3 internal/difflib/testdata/record.py > internal/difflib/testdata/recorded.json

Ratios of SequenceMatcher(None, a, b) for random word pairs (ASCII, operation
names, non-ASCII, long strings that trigger autojunk), and
get_close_matches(word, choices, n, cutoff) as the AWS CLI calls it, with
every cognito-idp operation name as choices.
"""
import difflib
import json
import random
import re
import sys

rnd = random.Random(11)
model = json.load(open("model/botocore/service-2.json"))


def xform(name):
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1-\2", name)
    return re.sub(r"([a-z\d])([A-Z])", r"\1-\2", s).lower()


ops = sorted(xform(o) for o in model["operations"])


def mutate(w):
    w = list(w)
    for _ in range(rnd.randint(0, 4)):
        k = rnd.randint(0, 3)
        i = rnd.randrange(len(w) + 1)
        c = rnd.choice("abcdefghijklmnopqrstuvwxyz-")
        if k == 0 and w:
            del w[min(i, len(w) - 1)]
        elif k == 1:
            w.insert(i, c)
        elif k == 2 and w:
            w[min(i, len(w) - 1)] = c
        elif len(w) > 1:
            j = min(i, len(w) - 2)
            w[j], w[j + 1] = w[j + 1], w[j]
    return "".join(w)


def word(alpha, lo, hi):
    return "".join(rnd.choice(alpha) for _ in range(rnd.randint(lo, hi)))


pairs = [("", ""), ("a", ""), ("", "a"), ("abc", "abc"), ("list-users", "list-user"), ("é", "e"), ("ééa", "aéé")]
for _ in range(300):
    pairs.append((word("abcd", 0, 12), word("abcd", 0, 12)))
for _ in range(200):
    o = rnd.choice(ops)
    pairs.append((mutate(o), o))
for _ in range(50):
    pairs.append((word("abé日🙂", 1, 10), word("abé日🙂", 1, 10)))
for _ in range(30):
    pairs.append((word("ab", 150, 450), word("abc", 150, 450)))
for _ in range(10):
    pairs.append((word("abcdefghij", 190, 260), word("abcdefghij", 190, 260)))

out = {"python": sys.version.split()[0], "ratios": [], "close": []}
for a, b in pairs:
    out["ratios"].append({"a": a, "b": b, "ratio": difflib.SequenceMatcher(None, a, b).ratio()})
words = [mutate(rnd.choice(ops)) for _ in range(300)] + ["list-user", "describe-user-pool-clients", "x", "", "updateuserpoolclient"]
for w in words:
    out["close"].append({"word": w, "n": 3, "cutoff": 0.8, "matches": difflib.get_close_matches(w, ops, 3, 0.8)})
for w in words[:60]:
    out["close"].append({"word": w, "n": 5, "cutoff": 0.6, "matches": difflib.get_close_matches(w, ops, 5, 0.6)})
out["choices"] = ops
json.dump(out, sys.stdout, indent=0, ensure_ascii=False)
sys.stdout.write("\n")
