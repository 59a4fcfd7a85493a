#!/usr/bin/env python3
"""Run the reference's own shorthand parser (awscli.shorthand from the
installed AWS CLI) on generated inputs and record its results in
recorded.json for parse_test.go. Inputs are drawn from a fixed seed over
the characters that matter to the grammar ('@', whose `key@=` file syntax
the installed 2.9.19 lacks, is left out).

    python3 record.py   # uses /usr/bin/python3's awscli package
"""
import json
import random
import sys

sys.path.insert(0, '/usr/lib/python3/dist-packages')
from awscli.shorthand import ShorthandParser, ShorthandParseError  # noqa: E402


def plain(v):
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return {'list': [plain(x) for x in v]}
    return {'map': [[k, plain(x)] for k, x in v.items()]}


PIECES = ['a', 'b', 'Key', '=', ',', ' ', '[', ']', '{', '}', "'", '"', '\\', '\\,',
          'x y', '\n', '\t', 'é', '\U0001F600', ':', '.', '#', '1', 'a=b', 'c=d,', '=[', '={']

rng = random.Random(20240607)
inputs = []
for i in range(4000):
    n = rng.randint(1, 12)
    body = ''.join(rng.choice(PIECES) for _ in range(n))
    if i % 2:
        # Mostly well-formed: key=value pairs with noisy values.
        pairs = []
        for k in range(rng.randint(1, 3)):
            v = ''.join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))
            pairs.append('k%d=%s' % (k, v))
        body = ','.join(pairs)
    inputs.append(body)
out = []
for s in inputs:
    try:
        out.append({'in': s, 'value': plain(ShorthandParser().parse(s))})
    except ShorthandParseError as e:
        out.append({'in': s, 'error': str(e)})
with open('recorded.json', 'w') as f:
    json.dump(out, f, ensure_ascii=False, indent=0)
    f.write('\n')
