#!/usr/bin/python3
"""Record the reference CLI's skeletons for every cognito-idp operation.

Run from anywhere with Debian's AWS CLI v2 installed (/usr/bin/aws) and the
current model copied to $AWS_DATA_PATH (default /tmp/awsdata):

    /usr/bin/python3 skeleton/testdata/record.py

For each operation it writes golden/<cli-name>.input.json
(--generate-cli-skeleton input), golden/<cli-name>.yaml-input.yaml
(yaml-input) and golden/<cli-name>.output.json (output, default json
format). `output` needs the required arguments: they are passed through
--cli-input-json with values that pass the reference's input validation.

For about 40 operations the reference rejects its own output placeholders
(it validates the fake response against the output shape; REFERENCE.md
trap 7 calls that a bug: the skeleton must be printed). For those the
reference's own code is run in-process with only that response validation
disabled, and the operation is listed in golden/output-unvalidated.txt.
"""
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, 'golden')
DATA = os.environ.setdefault('AWS_DATA_PATH', '/tmp/awsdata')
MODEL = os.path.join(HERE, '..', '..', 'model', 'botocore', 'service-2.json')

ENV = dict(os.environ, AWS_ACCESS_KEY_ID='test', AWS_SECRET_ACCESS_KEY='test',
           AWS_DEFAULT_REGION='us-east-1', AWS_PAGER='')
ENV.pop('AWS_PROFILE', None)

# Runs the reference in-process with the stubbed response's validation off.
UNVALIDATED = '''
import sys
import awscli.clidriver
import botocore.stub
botocore.stub.Stubber._validate_response = lambda self, op, resp: None
sys.exit(awscli.clidriver.main())
'''


def xform(name):
    sys.path.insert(0, '/usr/lib/python3/dist-packages')
    import awscli.clidriver  # noqa: F401  (makes the bundled botocore importable)
    from botocore import xform_name
    return xform_name(name, '-')


def sample(shapes, ref):
    """A value for ref that passes botocore's client-side validation."""
    shape = shapes[ref['shape']]
    t = shape['type']
    if t == 'structure':
        return {m: sample(shapes, shape['members'][m])
                for m in shape.get('required', [])}
    if t == 'list':
        n = int(shape.get('min', 1)) or 1
        return [sample(shapes, shape['member']) for _ in range(n)]
    if t == 'map':
        return {}
    if t == 'string':
        if 'enum' in shape:
            return shape['enum'][0]
        return 'x' * max(1, int(shape.get('min', 1)))
    if t in ('integer', 'long'):
        return int(shape.get('min', 1))
    if t in ('float', 'double'):
        return float(shape.get('min', 1))
    if t == 'boolean':
        return True
    if t == 'blob':
        return 'x' * max(1, int(shape.get('min', 1)))
    if t == 'timestamp':
        return '1970-01-01T00:00:00Z'
    raise ValueError(t)


def run(argv, code=None):
    cmd = ['/usr/bin/aws'] if code is None else ['/usr/bin/python3', '-c', code]
    return subprocess.run(cmd + argv, env=ENV, capture_output=True, timeout=120)


def record(op, model, unvalidated):
    cli = xform(op)
    for kind, ext in (('input', 'json'), ('yaml-input', 'yaml')):
        p = run(['cognito-idp', cli, '--generate-cli-skeleton', kind])
        if p.returncode != 0:
            raise SystemExit('%s %s: exit %d: %s' % (cli, kind, p.returncode, p.stderr))
        with open(os.path.join(GOLDEN, '%s.%s.%s' % (cli, kind, ext)), 'wb') as f:
            f.write(p.stdout)
    opm = model['operations'][op]
    args = {}
    if 'input' in opm:
        args = sample(model['shapes'], opm['input'])
    argv = ['cognito-idp', cli, '--cli-input-json', json.dumps(args),
            '--generate-cli-skeleton', 'output']
    p = run(argv)
    if p.returncode == 252 and b'Parameter validation failed' in p.stderr:
        p = run(argv, UNVALIDATED)
        unvalidated.append(cli)
    if p.returncode != 0:
        raise SystemExit('%s output: exit %d: %s' % (cli, p.returncode, p.stderr))
    with open(os.path.join(GOLDEN, '%s.output.json' % cli), 'wb') as f:
        f.write(p.stdout)


def main():
    with open(MODEL) as f:
        model = json.load(f)
    ops = sorted(model['operations'])
    if len(sys.argv) > 1:
        ops = [o for o in ops if o in sys.argv[1:]]
    os.makedirs(GOLDEN, exist_ok=True)
    unvalidated = []
    with ThreadPoolExecutor(max_workers=3) as ex:
        list(ex.map(lambda op: record(op, model, unvalidated), ops))
    if len(sys.argv) == 1:
        with open(os.path.join(GOLDEN, 'output-unvalidated.txt'), 'w') as f:
            f.write(''.join(c + '\n' for c in sorted(unvalidated)))


if __name__ == '__main__':
    main()
