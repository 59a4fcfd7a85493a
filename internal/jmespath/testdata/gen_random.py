"""Write random.json: deterministic random expressions, in the cases.json
format, that exercise the grammar and the functions together (group 0)
and the parser's error reporting on token soup (group 1). Record their
expected results with: python3.13 testdata/record.py testdata/random.json
testdata/random_golden.json
"""
import json
import os
import random

rng = random.Random(7)
atoms = ["foo", "bar", "a", "b", "@", "`1`", "`1.5`", "`\"x\"`", "'s'", "`null`", "`true`",
         "`[1, 2.5]`", "`{\"a\": 1}`", "people", "nums", "strs", "`0`", "`-1`", "obj", "\"a\"",
         "`web`", "missing"]
funcs = ["length", "sum", "avg", "max", "min", "sort", "keys", "values", "type", "to_string",
         "to_number", "to_array", "not_null", "reverse", "abs", "ceil", "floor", "contains",
         "join", "starts_with", "ends_with", "merge", "map", "sort_by", "max_by", "min_by"]
exprefs = {"map": 0, "sort_by": 1, "max_by": 1, "min_by": 1}


def gen(d):
    if d > 3:
        return rng.choice(atoms)
    e = lambda: gen(d + 1)

    def call():
        f = rng.choice(funcs)
        n = rng.choice([1, 2, 2, 3])
        args = [("&" + e()) if exprefs.get(f) == i else e() for i in range(n)]
        return f + "(" + ", ".join(args) + ")"
    opts = [
        lambda: rng.choice(atoms),
        lambda: e() + "." + rng.choice(["foo", "a", "b", "name", "age", "*", "[a, b]", "{x: a, y: b}"]),
        lambda: e() + rng.choice(["[0]", "[-1]", "[1:]", "[::-1]", "[*]", "[]", "[:2]",
                                  "[?age > `1`]", "[?a]", "[?@ == `1`]"]),
        lambda: e() + rng.choice([" || ", " && ", " | ", " == ", " != ", " < ", " >= "]) + e(),
        lambda: "!" + e(),
        lambda: "(" + e() + ")",
        lambda: "[" + e() + ", " + e() + "]",
        lambda: "{k: " + e() + ", j: " + e() + "}",
        call,
    ]
    return rng.choice(opts)()


grammar = sorted(set(gen(0) for _ in range(1500)))
toks = ["foo", "a", ".", "*", "[", "]", "[?", "[]", "(", ")", "{", "}", ",", ":", "|", "||",
        "&&", "&", "!", "!=", "==", "<", ">=", "=", "@", "`1`", "`x`", "'s'", "\"q\"", "1", "-1",
        "-", "0", " ", "length", "#", "`", "'", "\"", "é", "\\", "::", "`\"a`"]
soup = sorted(set("".join(rng.choice(toks) for _ in range(rng.randint(1, 7))) for _ in range(1500)))
given = {"foo": {"a": 1, "b": [1, 2]}, "bar": [1, 2.5, -3],
         "a": [{"a": 1, "b": "x"}, {"a": 2.5}, {"b": None}], "b": "str",
         "people": [{"name": "n1", "age": 3}, {"name": "n2", "age": 1.5}, {"name": "n3", "age": 3}],
         "nums": [3, 1.5, -2, 0], "strs": ["b", "a", "c"], "obj": {"z": 1, "y": [1, 2], "x": {"w": 0}}}
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'random.json'), 'w', encoding='utf-8') as f:
    json.dump([{"comment": "random grammar", "given": given, "expressions": grammar},
               {"comment": "random token soup", "given": given, "expressions": soup}],
              f, indent=1, ensure_ascii=False)
    f.write('\n')
print(len(grammar), len(soup))
