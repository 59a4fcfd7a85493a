"""Record what the reference's JMESPath library answers for cases.json.

The reference CLI evaluates --query with Python's jmespath 1.0.1; this runs
that library on every expression of cases.json and writes golden.json:
each entry has the expression and either "result" (the result as
json.dumps(..., separators=(',', ':')) prints it, key order kept) or
"error" with "phase" ("compile": the CLI's "Bad value for --query" text,
exit 252; "search": the exception text the CLI prints, exit 255).

Run: python3.13 testdata/record.py [cases.json [golden.json]]
The installed CLI bundles Python 3.12+, whose sum() compensates float
rounding, so prefer a 3.12+ interpreter (PYTHON=... make the choice).
"""
import json
import os
import sys

sys.path.append('/usr/lib/python3/dist-packages')
import jmespath  # noqa: E402

assert jmespath.__version__ == '1.0.1', jmespath.__version__
here = os.path.dirname(os.path.abspath(__file__))

# Optional arguments: another cases file and output file.
cases_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'cases.json')
golden_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, 'golden.json')

with open(cases_path, encoding='utf-8') as f:
    groups = json.load(f)

out = []
for gi, group in enumerate(groups):
    for expr in group['expressions']:
        entry = {'group': gi, 'expression': expr}
        try:
            compiled = jmespath.compile(expr)
        except Exception as e:  # the CLI catches every exception here
            entry['phase'] = 'compile'
            entry['error'] = 'Bad value for --query %s: %s' % (expr, e)
            out.append(entry)
            continue
        try:
            result = compiled.search(group['given'])
            # The CLI's JSON formatter returns unknown objects unchanged
            # from its default hook, which json reports as a cycle.
            json.dumps(result, default=lambda o: o)
            entry['result'] = json.dumps(result, separators=(',', ':'))
        except Exception as e:
            entry['phase'] = 'search'
            entry['error'] = str(e)
        out.append(entry)

with open(golden_path, 'w', encoding='utf-8') as f:
    json.dump({'python': sys.version.split()[0], 'cases': out}, f, indent=1, ensure_ascii=False)
    f.write('\n')
print('recorded %d cases with Python %s' % (len(out), sys.version.split()[0]))
