# OSError subclasses chosen by errno, with CPython's messages and names
import os

D = 'os_errors_tmp_dir'


def attempt(label, f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        extra = ''
        if isinstance(e, OSError):
            extra = ' errno=%s filename=%r filename2=%r' % (
                e.errno, e.filename, e.filename2)
        print(label, type(e).__name__, e, extra)
    else:
        print(label, 'no error')


os.mkdir(D)
attempt('mkdir again', os.mkdir, D)
attempt('stat missing', os.stat, 'no-such-file')
attempt('lstat missing', os.lstat, 'no-such-file')
attempt('remove dir', os.remove, D)
attempt('listdir missing', os.listdir, 'no-such-dir')
attempt('chdir missing', os.chdir, 'no-such-dir')
attempt('rename missing', os.rename, 'no-such-a', 'no-such-b')
attempt('rmdir missing', os.rmdir, 'no-such-dir')
attempt('open missing', os.open, 'no-such-file', os.O_RDONLY)
with open(os.path.join(D, 'f'), 'w') as f:
    f.write('x')
attempt('rmdir non-empty', os.rmdir, D)
attempt('mkdir under file', os.mkdir, os.path.join(D, 'f', 'g'))
attempt('close bad fd', os.close, -1)
attempt('read bad fd', os.read, 12345, 1)
attempt('write bad fd', os.write, 12345, b'x')
attempt('fstat bad fd', os.fstat, 12345)
attempt('dup2 bad', os.dup2, 1, -1)
attempt('waitpid none', os.waitpid, -1, 0)
attempt('kill bad signal', os.kill, os.getpid(), 12345)
attempt('stat type', os.stat, 3.5)
attempt('stat nul', os.stat, 'a\0b')
attempt('putenv =', os.putenv, 'A=B', 'c')
attempt('putenv empty', os.putenv, '', 'c')
attempt('execv empty', os.execv, 'x', [])
attempt('execv first', os.execv, 'x', [''])
attempt('execv type', os.execv, 'x', 'ab')
attempt('execv missing', os.execv, '/no/such/program', ['p'])
attempt('at_fork none', os.register_at_fork)
attempt('at_fork type', os.register_at_fork, before=1)
attempt('at_fork positional', os.register_at_fork, print)
attempt('status stopped', os.waitstatus_to_exitcode, 0x137f)
attempt('status type', os.waitstatus_to_exitcode, 'x')
attempt('urandom negative', os.urandom, -1)
attempt('strerror type', os.strerror, 'x')
e = OSError(2, 'No such file or directory', 'x')
print(type(e).__name__, isinstance(e, FileNotFoundError), e.errno)
os.remove(os.path.join(D, 'f'))
os.rmdir(D)
print(os.path.exists(D))
