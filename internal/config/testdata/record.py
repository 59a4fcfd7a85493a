"""Record botocore's profile lookup for the Go config tests.

    python3 internal/config/testdata/record.py > internal/config/testdata/recorded.json

For each pair of config/credentials files and each profile name, records
whether botocore's Session knows the profile (ProfileNotFound otherwise) and
the value of a few CLI settings in that profile's scoped config.
"""
import json
import os
import sys
import tempfile

import botocore.session
from botocore.exceptions import ProfileNotFound

FILES = [
    {"config": "[default]\noutput = text\nregion = eu-west-1\n\n[profile dev]\noutput = yaml\ncli_timestamp_format = wire\n",
     "credentials": "[default]\naws_access_key_id = a\naws_secret_access_key = b\n\n[creds-only]\naws_access_key_id = c\naws_secret_access_key = d\n"},
    {"config": "[profile default]\noutput = table\n\n[default]\noutput = json\n", "credentials": ""},
    {"config": "[default]\noutput = json\n\n[profile default]\noutput = table\n", "credentials": ""},
    {"config": "[dev]\noutput = text\n\n[profile  spaced]\noutput = yaml\n[profile\tTab]\noutput=table\n", "credentials": "[dev]\naws_access_key_id = x\n"},
    {"config": "[profile dev]\noutput =   text   \ncli_error_format = JSON\n# comment\n; other\n[profile dev2]\noutput = json ; not a comment\ncli_timestamp_format=iso8601\n", "credentials": ""},
    {"config": "[profile x]\ns3 =\n  max_concurrent_requests = 10\noutput = text\n", "credentials": ""},
    {"config": "", "credentials": "[default]\naws_access_key_id = a\n"},
    {"config": "[profile \"my dev\"]\noutput = text\n[profileX other]\noutput = yaml\n[profile a b]\noutput = json\n[profile 'q]\noutput = table\n", "credentials": ""},
    {"config": "[profile Dev]\noutput = text\n[profile dev]\noutput = yaml\n", "credentials": ""},
]
PROFILES = ["my dev", "other", "a", "a b", "'q", "default", "dev", "dev2", "creds-only", "spaced", "Tab", "x", "Dev", "nope"]
KEYS = ["output", "cli_timestamp_format", "cli_error_format", "region"]

out = {"botocore": botocore.__version__, "cases": []}
for i, files in enumerate(FILES):
    d = tempfile.mkdtemp()
    cfg, cred = os.path.join(d, "config"), os.path.join(d, "credentials")
    open(cfg, "w").write(files["config"])
    open(cred, "w").write(files["credentials"])
    os.environ["AWS_CONFIG_FILE"] = cfg
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = cred
    for p in PROFILES:
        s = botocore.session.Session(profile=p)
        rec = {"files": i, "profile": p}
        try:
            sc = s.get_scoped_config()
            rec["found"] = True
            rec["values"] = {k: sc.get(k) for k in KEYS}
        except ProfileNotFound as e:
            rec["found"] = False
            rec["error"] = str(e)
        out["cases"].append(rec)
out["files"] = FILES
json.dump(out, sys.stdout, indent=1)
sys.stdout.write("\n")
