# execv replaces the child's image; an inheritable pipe survives it
import os
import sys

r, w = os.pipe()
os.set_inheritable(w, True)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    prog = 'import os; os.write(%d, b"from the new program: " + ' \
           'str(__name__).encode())' % w
    os.execv(sys.executable, [sys.executable, '-c', prog])
os.close(w)
out = b''
while True:
    chunk = os.read(r, 100)
    if not chunk:
        break
    out += chunk
print(out.decode())
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
