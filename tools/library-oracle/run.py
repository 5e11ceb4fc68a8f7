#!/usr/bin/python3
import os, sys, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vars import VARS
from ansible.template import Templar
from ansible.parsing.dataloader import DataLoader
t = Templar(loader=DataLoader(), variables=VARS)
def jstr(s):
    return json.dumps(s)
for line in open(sys.argv[1]):
    line = line.rstrip('\n')
    if not line or line.startswith('#'): continue
    try:
        r = t.template('{{ (' + line + ') | to_json }}', escape_backslashes=False)
        print('        {' + jstr(line) + ', ' + jstr(r) + '},')
    except Exception as e:
        print('        // ERROR ' + line + ' :: ' + str(e).splitlines()[0][:150])
