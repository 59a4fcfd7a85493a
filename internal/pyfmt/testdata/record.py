#!/usr/bin/env python3.13
"""Record Python's repr(), str(), type() and bool() of the JSON documents
in docs.json (parsed as plain dicts and as OrderedDicts) and repr() of the
str (surrogate-escaped) and bytes made from the hex byte strings in
raw.json, into recorded.json:

    python3.13 record.py

OrderedDict's repr is that of Python 3.12 and later, as the reference runs.
"""
import collections
import json

docs = json.load(open('docs.json'))
raws = json.load(open('raw.json'))
out = {'docs': [], 'raw': []}
for d in docs:
    v = json.loads(d)
    o = json.loads(d, object_pairs_hook=collections.OrderedDict)
    out['docs'].append({'in': d, 'repr': repr(v), 'str': str(v),
                        'name': type(v).__name__, 'class': str(type(v)),
                        'truthy': bool(v), 'ordered_repr': repr(o),
                        'ordered_str': str(o), 'ordered_class': str(type(o))})
for h in raws:
    p = bytes.fromhex(h)
    out['raw'].append({'hex': h, 'repr': repr(p.decode('utf-8', 'surrogateescape')),
                       'bytes_repr': repr(p)})
json.dump(out, open('recorded.json', 'w'), indent=1, ensure_ascii=False)
