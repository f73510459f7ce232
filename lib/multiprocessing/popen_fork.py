"""Starting a child by fork: the child is a copy of the parent at the
moment of start(), and runs the target from there.

Two pipes join parent and child.  The child holds the write end of the
first until it exits, so its read end (the sentinel) becomes readable
exactly when the child is gone: join(timeout) waits on it with select.
The parent holds the write end of the second, which tells the child when
its parent is gone (parent_process().is_alive()).
"""

import os
import signal

from . import util

__all__ = ['Popen']


class Popen:
    method = 'fork'

    def __init__(self, process_obj):
        util._flush_std_streams()
        self.returncode = None
        self._fds_to_close = []
        self._launch(process_obj)

    def duplicate_for_child(self, fd):
        return fd

    def poll(self, flag=os.WNOHANG):
        """The exit code, or None while the child runs (waiting for it
        when flag is 0)."""
        if self.returncode is None:
            try:
                pid, sts = os.waitpid(self.pid, flag)
            except OSError:
                return None         # reaped elsewhere
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(sts)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if timeout is not None:
                from .connection import wait
                if not wait([self.sentinel], timeout):
                    return None
            return self.poll(os.WNOHANG if timeout == 0.0 else 0)
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            except OSError:
                if self.wait(timeout=0.1) is None:
                    raise

    def terminate(self):
        self._send_signal(signal.SIGTERM)

    def kill(self):
        self._send_signal(signal.SIGKILL)

    def _launch(self, process_obj):
        code = 1
        parent_r, child_w = os.pipe()
        child_r, parent_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.close(parent_r)
                os.close(parent_w)
                code = process_obj._bootstrap(parent_sentinel=child_r)
            finally:
                os._exit(code)
        else:
            os.close(child_w)
            os.close(child_r)
            self.sentinel = parent_r
            self._fds_to_close = [parent_r, parent_w]

    def close(self):
        for fd in self._fds_to_close:
            try:
                os.close(fd)
            except OSError:
                pass
        self._fds_to_close = []

    def __del__(self):
        self.close()
