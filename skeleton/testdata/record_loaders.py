#!/usr/bin/python3
"""Record how the reference loads --cli-input-json / --cli-input-yaml values.

    /usr/bin/python3 skeleton/testdata/record_loaders.py

Each probe is a whole document given inline to update-user-pool-client. A
scalar is probed as the value of ReadAttributes (a list member): parameter
validation then prints the loaded value with str() and its Python type,
which shows exactly what the loader produced. Writes loaders.jsonl: one
{"option", "input", "exit", "stderr"} object per line.
"""
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = dict(os.environ, AWS_ACCESS_KEY_ID='test', AWS_SECRET_ACCESS_KEY='test',
           AWS_DEFAULT_REGION='us-east-1', AWS_PAGER='')
ENV.setdefault('AWS_DATA_PATH', '/tmp/awsdata')
ENV.pop('AWS_PROFILE', None)

YAML_SCALARS = [
    '1_000', '012', '0o17', '0x1F', '0b101', '-7', '+3', '1.5', '1e3', '1.', '-.5',
    '.inf', '-.Inf', '.NaN', '3.0e-2', '123456789012345678901234567890',
    'true', 'True', 'FALSE', 'yes', 'no', 'on', 'off', 'y', '~', 'null', 'Null', '',
    '2020-01-01', '2020-01-01T10:00:00Z', '2001-12-14 21:59:43.10 -5',
    "'quoted 1'", '"dq\\tx"', '!!str 12', '!!int "12"', '!!binary aGVsbG8=',
    '!!float 1', 'abc def', '0.5_0', '=', '<<', 'é', '|\n  block\n  text',
]
YAML_DOCS = [
    'UserPoolId: x\nClientId: y\nReadAttributes: [a, 1]\n',
    'UserPoolId: x\nClientId: y\nClientName: a\nClientName: b\n',
    'a: [1\n',
    '- 1\n- 2\n',
    'just text',
    '',
    '--- {a: 1}\n--- {b: 2}\n',
    'base: &b {UserPoolId: x, ClientId: y}\nFoo: *b\n',
    '<<: {UserPoolId: x, ClientId: y}\nUserPoolId: z\nFoo: 1\n',
    '!!python/object:os.system {}',
    '{UserPoolId: x, ClientId: y, ReadAttributes: !!set {a, b}}',
    '12',
    'null',
    '1: x\nUserPoolId: y\nClientId: z\n',
    'a: b: c\n',
    '\t- x',
]
JSON_DOCS = [
    '{"UserPoolId": "x", "ClientId": "y", "ReadAttributes": 1.0}',
    '{"UserPoolId": "x", "ClientId": "y", "ReadAttributes": 1e400}',
    '{"UserPoolId": "x", "ClientId": "y", "ReadAttributes": 12345678901234567890123}',
    '{"UserPoolId": "x", "ClientId": "y", "ReadAttributes": "a\\u00e9"}',
    '{"UserPoolId": "x", "ClientId": "y", "ReadAttributes": null}',
    '{"UserPoolId": "x", "ClientId": "y", "ReadAttributes": -0.0}',
    '{"UserPoolId": "x", "ClientId": "y", "ClientName": "a", "ClientName": 1}',
    '{"UserPoolId": "x",}',
    '[1]', '"s"', '3', 'true', 'null', '', '   ', '{', '{} x', "{'a': 1}",
    '{"UserPoolId": "x", "ClientId": "y", "Foo": 1}',
]


def probe(option, text):
    p = subprocess.run(['/usr/bin/aws', 'cognito-idp', 'update-user-pool-client',
                        '--endpoint-url', 'http://127.0.0.1:9', option, text],
                       env=ENV, capture_output=True, timeout=60)
    return {'option': option, 'input': text, 'exit': p.returncode,
            'stderr': p.stderr.decode('utf-8', 'replace')}


def main():
    jobs = [('--cli-input-yaml', 'UserPoolId: x\nClientId: y\nReadAttributes: ' + s)
            for s in YAML_SCALARS]
    jobs += [('--cli-input-yaml', d) for d in YAML_DOCS]
    jobs += [('--cli-input-json', d) for d in JSON_DOCS]
    with ThreadPoolExecutor(max_workers=2) as ex:
        results = list(ex.map(lambda j: probe(*j), jobs))
    with open(os.path.join(HERE, 'loaders.jsonl'), 'w') as f:
        for r in results:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
