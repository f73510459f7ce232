# spawn without the `if __name__ == "__main__":` guard: the child
# re-imports the script, tries to start a process while bootstrapping,
# and fails with CPython's RuntimeError (run as a separate program whose
# output is captured; library frames are left out).
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
script = os.path.join(here, 'noguard', 'unguarded.py')
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.dup2(w, 1)
    os.dup2(w, 2)
    os.execv(sys.executable, [sys.executable, script])
os.close(w)
data = b''
while True:
    chunk = os.read(r, 4096)
    if not chunk:
        break
    data += chunk
os.close(r)
status = os.waitpid(pid, 0)[1]
for line in data.decode().splitlines():
    if line.startswith('  File') or line.startswith('    ') and \
            not line.startswith('        '):
        continue
    if set(line.strip()) <= set('^~ '):
        continue
    print('|', line)
print('status', os.waitstatus_to_exitcode(status))
