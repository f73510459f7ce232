"""The fork server: a process started (by spawn) on first use, which
forks every forkserver child on request.

Children of the fork server start from the server's clean state (a fresh
interpreter with the preload modules imported) instead of from a copy of
a parent that may hold large data or odd state, and each start costs a
fork instead of a new interpreter.  Each child then imports the main
script as __mp_main__, as a spawned child does: CPython 3.11 lists
'__main__' among the preload modules but never gives the server the
script's path, so its children import the script themselves, and so do
ours (code outside the __main__ guard runs once per child).

One socket pair joins a parent and its server.  A request is one message
carrying descriptors (SCM_RIGHTS): the read end of a data pipe, the write
end of a status pipe, and the descriptors the process object refers to.
The server forks; the child reads the pickled process object from the
data pipe (spawn._main) and runs it.  On the status pipe the server
writes the child's pid at once and its exit code when it ends (reaped by
a SIGCHLD handler); the parent's end of the status pipe is the process
sentinel.  The server ends when the parent closes its end of the socket.
"""

import os
import signal
import struct
import sys

import _multiprocessing

from . import process
from . import reduction
from . import spawn
from . import util

__all__ = ['ensure_running', 'connect_to_new_process',
           'set_forkserver_preload']

MAXFDS_TO_SEND = 256
_SIGNED = struct.Struct('q')


class ForkServer:
    def __init__(self):
        self._sock = None
        self._pid = None
        self._preload_modules = ['__main__']

    def set_forkserver_preload(self, modules_names):
        if not all(type(mod) is str for mod in modules_names):
            raise TypeError('module_names must be a list of strings')
        self._preload_modules = modules_names

    def ensure_running(self):
        """Starts the server unless this process already has one."""
        if self._sock is not None and self._pid is not None:
            try:
                pid, _ = os.waitpid(self._pid, os.WNOHANG)
            except ChildProcessError:
                pid = self._pid
            if pid == 0:
                return                # still running
            os.close(self._sock)
            self._sock = None
        data = spawn.get_preparation_data('ignore')
        config = {k: data[k] for k in ('sys_path', 'dir') if k in data}
        ours, theirs = _multiprocessing.socketpair()
        try:
            prog = ('from multiprocessing.forkserver import main; '
                    'main(%d, %r, %r)' % (theirs, self._preload_modules,
                                          config))
            cmd = [spawn.get_executable(), '-c', prog]
            self._pid = util.spawnv_passfds(spawn.get_executable(), cmd,
                                            [theirs])
        except BaseException:
            os.close(ours)
            raise
        finally:
            os.close(theirs)
        self._sock = ours

    def connect_to_new_process(self, fds):
        """Asks the server for a child.  Returns (status_r, data_w): the
        child's sentinel, and the pipe to send it the process object."""
        if len(fds) + 2 >= MAXFDS_TO_SEND:
            raise ValueError('too many fds')
        self.ensure_running()
        child_r, parent_w = os.pipe()
        parent_r, child_w = os.pipe()
        try:
            _multiprocessing.sendfds(self._sock, b'F',
                                     [child_r, child_w] + list(fds))
        except BaseException:
            os.close(parent_r)
            os.close(parent_w)
            raise
        finally:
            os.close(child_r)
            os.close(child_w)
        return parent_r, parent_w


def read_signed(fd):
    data = b''
    while len(data) < _SIGNED.size:
        chunk = os.read(fd, _SIGNED.size - len(data))
        if not chunk:
            raise EOFError('unexpected EOF')
        data += chunk
    return _SIGNED.unpack(data)[0]


def write_signed(fd, n):
    msg = _SIGNED.pack(n)
    while msg:
        nbytes = os.write(fd, msg)
        if nbytes == 0:
            raise RuntimeError('should not get here')
        msg = msg[nbytes:]


def main(sock, preload, config):
    """The server: fork a child for every request until the parent goes."""
    if 'sys_path' in config:
        sys.path[:] = config['sys_path']
    if 'dir' in config:
        os.chdir(config['dir'])
    main_path = config.get('init_main_from_path')
    if '__main__' in preload and main_path is not None:
        process.current_process()._inheriting = True
        try:
            spawn._fixup_main_from_path(main_path)
        finally:
            del process.current_process()._inheriting
    for modname in preload:
        if modname != '__main__':
            try:
                __import__(modname)
            except ImportError:
                pass
    util._close_stdin()

    children = {}               # pid -> the write end of its status pipe
    ended = {}                  # pid -> exit code, reaped before known

    def reap(signum, frame):
        while True:
            try:
                pid, sts = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            code = os.waitstatus_to_exitcode(sts)
            fd = children.pop(pid, None)
            if fd is None:
                ended[pid] = code
            else:
                _report_end(fd, code)

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, reap)
    while True:
        msg, fds = _multiprocessing.recvfds(sock, 16)
        if not msg:
            break                   # the parent is gone
        if len(fds) < 2:
            for fd in fds:
                os.close(fd)
            continue
        child_r, status_w, *inherited = fds
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.default_int_handler)
                os.close(sock)
                os.close(status_w)
                for fd in children.values():
                    os.close(fd)
                reduction._inherited_fds = inherited
                code = spawn._main(child_r)
            except BaseException:
                import traceback
                traceback.print_exc()
            finally:
                util._flush_std_streams()
                os._exit(code)
        os.close(child_r)
        for fd in inherited:
            os.close(fd)
        try:
            write_signed(status_w, pid)
        except OSError:
            pass
        if pid in ended:
            _report_end(status_w, ended.pop(pid))
        else:
            children[pid] = status_w
    os._exit(0)


def _report_end(fd, code):
    try:
        write_signed(fd, code)
    except OSError:
        pass
    os.close(fd)


_forkserver = ForkServer()
ensure_running = _forkserver.ensure_running
connect_to_new_process = _forkserver.connect_to_new_process
set_forkserver_preload = _forkserver.set_forkserver_preload
