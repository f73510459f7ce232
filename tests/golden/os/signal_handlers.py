# Python-level signal handlers run between bytecodes
import os
import signal

got = []


def handler(signum, frame):
    got.append((signum, frame is not None))


print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.SIGTERM), signal.SIGTERM, signal.NSIG > 32)
print(repr(signal.getsignal(signal.SIGUSR1)), signal.SIG_DFL, signal.SIG_IGN)
old = signal.signal(signal.SIGUSR1, handler)
print(repr(old), signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)))
os.kill(os.getpid(), signal.SIGUSR1)
print(repr(signal.getsignal(signal.SIGUSR1)), len(got))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print('KeyboardInterrupt', repr(e))
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print('default_int_handler raises KeyboardInterrupt')


class Alarm(Exception):
    pass


def on_alarm(signum, frame):
    raise Alarm('the alarm rang')


signal.signal(signal.SIGALRM, on_alarm)
signal.alarm(1)
n = 0
try:
    while True:
        n += 1
except Alarm as e:
    print('loop interrupted:', e, n > 0)
print(signal.alarm(0))

children = []
signal.signal(signal.SIGCHLD, lambda s, f: children.append(s))
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
for i in range(3):
    pass
print(children)
signal.signal(signal.SIGCHLD, signal.SIG_DFL)

for args in ((signal.SIGKILL, handler), (0, handler), (signal.NSIG, handler),
             (signal.SIGUSR1, 5), (signal.SIGUSR1, 'x')):
    try:
        signal.signal(*args)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGKILL))
print(signal.SIGTERM in signal.valid_signals())
