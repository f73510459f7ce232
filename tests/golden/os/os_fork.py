# fork, waitpid and the wait-status macros, pipes, dup, register_at_fork
import os
import signal
import sys

events = []
os.register_at_fork(before=lambda: events.append('before 1'),
                    after_in_parent=lambda: events.append('parent 1'),
                    after_in_child=lambda: events.append('child 1'))
os.register_at_fork(before=lambda: events.append('before 2'),
                    after_in_parent=lambda: events.append('parent 2'),
                    after_in_child=lambda: events.append('child 2'))

value = 'parent value'
r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    value = 'changed in child'
    os.close(r)
    msg = '%s|%s|%s' % (events, os.getppid() != os.getpid(), value)
    os.write(w, msg.encode())
    os._exit(7)
os.close(w)
data = b''
while True:
    chunk = os.read(r, 100)
    if not chunk:
        break
    data += chunk
os.close(r)
got, status = os.waitpid(pid, 0)
print(got == pid, data.decode())
print(events, value)
print(os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
      os.waitstatus_to_exitcode(status))

# a child killed by a signal
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGKILL)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print(os.WIFEXITED(status), os.WIFSIGNALED(status), os.WTERMSIG(status),
      os.waitstatus_to_exitcode(status))

# SIGTERM sent by the parent to a child waiting on a pipe
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)       # blocks until killed
    os._exit(0)
os.close(r)
os.kill(pid, signal.SIGTERM)
_, status = os.waitpid(pid, 0)
os.close(w)
print(os.waitstatus_to_exitcode(status))

# WNOHANG: a child still running reports (0, 0)
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)
    os._exit(4)
os.close(r)
print(os.waitpid(pid, os.WNOHANG))
os.write(w, b'x')
os.close(w)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# dup and dup2
r, w = os.pipe()
w2 = os.dup(w)
print(os.get_inheritable(w2))
os.write(w2, b'via dup ')
os.close(w2)
w3 = os.dup2(w, 100)
print(w3, os.get_inheritable(100))
os.set_inheritable(100, False)
print(os.get_inheritable(100))
os.write(100, b'via dup2')
os.close(100)
os.close(w)
print(os.read(r, 100))
os.close(r)
