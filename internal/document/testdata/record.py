#!/usr/bin/env python3
"""Records Python's own answers for the document package's tests:
repr(float), int() on strings, and json.loads key order / int-vs-float.
Run: python3 testdata/record.py > testdata/python.json"""
import json, random, struct

random.seed(7)
floats = [0.0, -0.0, 1.0, 1.5, 0.1, 0.3, 1e16, 1e15, 123456789012345.0, 1e20, 1e-4,
          1e-5, 0.0001234, 2.5e-7, 1.7976931348623157e308, 5e-324, 100.0, 3.14159,
          1767323045.678, -2.75, 1234567890123456.7, 9007199254740993.0]
for _ in range(300):
    floats.append(struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0])
floats += [random.uniform(-1e6, 1e6) for _ in range(100)]
floats = [f for f in floats if f == f and abs(f) != float('inf')]

ints = [' 7 ', '1_0', '+5', '-0', '007', 'abc', '1.5', '0x10', '', ' ', '1__0', '_1', '1_',
        '-', '+-1', '99999999999999999999999', '-9223372036854775808', '9223372036854775808',
        '\t42\n', '1 2', '٣']
int_results = []
for s in ints:
    try:
        int_results.append([s, str(int(s))])
    except ValueError:
        int_results.append([s, None])

docs = ['{"b": 1, "a": 1.0, "c": [1e2, -3, 2E-1], "d": {"z": null, "y": true}}',
        '{"a": 1, "a": 2, "b": 3}', '12345678901234567890123', '"\\u00e9\\ud83d\\ude00"', '[]', '{}']
print(json.dumps({
    "floats": [[struct.unpack('<Q', struct.pack('<d', f))[0], repr(f)] for f in floats],
    "ints": int_results,
    "json": [[d, json.dumps(json.loads(d), indent=4, ensure_ascii=False)] for d in docs],
}, indent=1))
