#!/usr/bin/env python3
"""Record int(), float(), repr() and base64.b64decode() of the strings in
inputs.json with the running Python into recorded.json:

    python3.13 record.py
"""
import base64
import binascii
import json

out = []
for s in json.load(open('inputs.json')):
    rec = {'in': s, 'repr': repr(s)}
    try:
        rec['int'] = str(int(s))
    except ValueError as e:
        rec['int_error'] = str(e)
    try:
        rec['float'] = repr(float(s))
    except ValueError as e:
        rec['float_error'] = str(e)
    try:
        rec['b64'] = base64.b64decode(s).hex()
    except binascii.Error as e:
        rec['b64_error'] = 'binascii.Error'
    except ValueError as e:
        rec['b64_error'] = str(e)
    b = s.encode('utf-8', 'surrogateescape')
    rec['bytes_repr'] = repr(b)
    out.append(rec)
with open('recorded.json', 'w') as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write('\n')
