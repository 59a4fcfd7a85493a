#!/usr/bin/env python3
"""Record Python's json.loads results and error messages for the inputs of
inputs.json into recorded.json. The AWS CLI decodes JSON parameters with
json.loads(value, object_pairs_hook=OrderedDict); run this with the Python
that AWS CLI 2.36.7 bundles (3.13):

    python3.13 record.py
"""
import json
import math
from collections import OrderedDict


def plain(v):
    # Encode values so that Go can compare them without a JSON parser of its
    # own: ints and floats are tagged, objects keep their key order.
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int):
        return {'int': str(v)}
    if isinstance(v, float):
        return {'float': repr(v)}
    if isinstance(v, str):
        return {'str': v.encode('utf-8', 'surrogatepass').hex()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return {'obj': [[k, plain(x)] for k, x in v.items()]}


out = []
for s in json.load(open('inputs.json')):
    try:
        v = json.loads(s, object_pairs_hook=OrderedDict)
        out.append({'in': s, 'value': plain(v)})
    except ValueError as e:
        out.append({'in': s, 'error': str(e), 'type': type(e).__name__})
    except RecursionError as e:
        out.append({'in': s, 'error': str(e), 'type': 'RecursionError'})
with open('recorded.json', 'w') as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write('\n')
