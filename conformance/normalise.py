#!/usr/bin/env python3
"""Normalise recorded output in place: normalise.py WORK_DIR CASE_DIR SUITE_DIR FILE...

Rules (applied in this order, to stdout, stderr and results.json alike):
 1. the absolute work dir (the value of -e work_dir)  -> @WORK@
 2. the absolute case dir (cwd of the run)            -> @CASE@
 3. the absolute suite dir (conformance/)             -> @SUITE@
 4. controller temp files of the local temp dir, i.e. any run of non-blank characters ending in
    /ansible-local-<chars>/tmp<chars> (regex  [^\s"']*/ansible-local-[^/\s"']+/tmp[^/\s"']*  )
                                                      -> @LOCALTMP@
    (copy/template --diff headers name them, e.g. "+++ after: @LOCALTMP@/t.j2")
 5. JSON time fields  "start"/"end"/"stop"/"delta": <string or number>  -> "@TIME@"
"""
import re, sys
work, case, suite = sys.argv[1:4]
LOCALTMP = re.compile(r'[^\s"\']*/ansible-local-[^/\s"\']+/tmp[^/\s"\']*')
TIME = re.compile(r'"(start|end|stop|delta)": ("[^"]*"|[0-9.]+)')
for path in sys.argv[4:]:
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        s = f.read()
    s = s.replace(work, "@WORK@").replace(case, "@CASE@").replace(suite, "@SUITE@")
    s = LOCALTMP.sub("@LOCALTMP@", s)
    s = TIME.sub(lambda m: '"%s": "@TIME@"' % m.group(1), s)
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(s)
