#!/usr/bin/env python3
"""Record how the reference AWS CLI turns parameter strings into request
values, for the table tests of this package.

For each case of unpack_inputs.json it runs /usr/bin/aws against a loopback
HTTP server that answers {} and keeps the JSON body of the request; when
the CLI fails instead, it keeps the exit code and stderr. The result goes
to unpack_recorded.json. Run from this directory:

    AWS_DATA_PATH=/tmp/awsdata python3 record.py
"""
import http.server
import json
import os
import subprocess
import sys
import threading

BODIES = []


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get('Content-Length') or 0)
        BODIES.append(self.rfile.read(n).decode('utf-8'))
        out = b'{}'
        self.send_response(200)
        self.send_header('Content-Type', 'application/x-amz-json-1.1')
        self.send_header('Content-Length', str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args):
        pass


def main():
    srv = http.server.HTTPServer(('127.0.0.1', 0), Handler)
    port = srv.server_address[1]
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    env = dict(os.environ, AWS_ACCESS_KEY_ID='test', AWS_SECRET_ACCESS_KEY='test',
               AWS_DEFAULT_REGION='us-east-1', AWS_PAGER='', AWS_MAX_ATTEMPTS='1')
    cases = json.load(open('unpack_inputs.json'))
    out = []
    for c in cases:
        value = c['value']
        argv = ['/usr/bin/aws', 'cognito-idp', c['op'], '--endpoint-url',
                'http://127.0.0.1:%d' % port] + c.get('extra', [])
        argv.append(c['param'])
        argv += value if isinstance(value, list) else [value]
        BODIES.clear()
        p = subprocess.run(argv, env=env, capture_output=True, timeout=60)
        rec = dict(c, exit=p.returncode)
        if p.returncode == 0 and BODIES:
            rec['body'] = BODIES[0]  # raw text: it may hold NaN
        else:
            rec['stderr'] = p.stderr.decode('utf-8', 'replace')
        out.append(rec)
        print(c['name'], p.returncode, file=sys.stderr)
    srv.shutdown()
    with open('unpack_recorded.json', 'w') as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write('\n')


if __name__ == '__main__':
    main()
