"""Starting a child through the fork server (forkserver.py).

The process object is pickled as for spawn, but the descriptors it
refers to are sent to the server with the request and numbered by their
position there (reduction.DupFd).  The child is the server's, not ours:
its pid and exit code come on the status pipe, whose read end is the
sentinel.
"""

import os
import struct

from . import context
from . import forkserver
from . import popen_fork
from . import reduction
from . import spawn

__all__ = ['Popen']


def _frame(data):
    return struct.pack('!Q', len(data)) + data


class Popen(popen_fork.Popen):
    method = 'forkserver'

    def __init__(self, process_obj):
        self._fds = []
        super().__init__(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return len(self._fds) - 1

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        context.set_spawning_popen(self)
        try:
            data = (_frame(reduction.dumps(prep_data)) +
                    _frame(reduction.dumps(process_obj)))
        finally:
            context.set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        self._fds_to_close = [self.sentinel]
        try:
            self.pid = forkserver.read_signed(self.sentinel)
            view = memoryview(data)
            while len(view):
                view = view[os.write(w, view):]
        finally:
            os.close(w)

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            from .connection import wait
            timeout = 0 if flag == os.WNOHANG else None
            if not wait([self.sentinel], timeout):
                return None
            try:
                self.returncode = forkserver.read_signed(self.sentinel)
            except (OSError, EOFError):
                self.returncode = 255
        return self.returncode
