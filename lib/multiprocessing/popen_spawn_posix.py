"""Starting a child by spawn: a fresh minipy (sys.executable) that is
sent the pickled process object over a pipe.

The child runs `minipy -c 'from multiprocessing.spawn import
spawn_main; spawn_main(pipe_handle=N)'` with the read end of the data
pipe (N) inherited.  The parent writes two length-prefixed pickles to
it: the preparation data (sys.path, sys.argv, the working directory, the
main script to re-import as __mp_main__) and the process object itself.
The descriptors the process object refers to (a Connection in its args)
are made inheritable in the child just before execv.
"""

import os
import struct

from . import context
from . import popen_fork
from . import reduction
from . import spawn
from . import util

__all__ = ['Popen']


def _frame(data):
    return struct.pack('!Q', len(data)) + data


class Popen(popen_fork.Popen):
    method = 'spawn'

    def __init__(self, process_obj):
        self._fds = []
        super().__init__(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return fd

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        context.set_spawning_popen(self)
        try:
            data = (_frame(reduction.dumps(prep_data)) +
                    _frame(reduction.dumps(process_obj)))
        finally:
            context.set_spawning_popen(None)
        parent_r, child_w = os.pipe()       # the sentinel
        child_r, parent_w = os.pipe()       # the data
        try:
            cmd = spawn.get_command_line(pipe_handle=child_r)
            self._fds.extend([child_r, child_w])
            self.pid = util.spawnv_passfds(spawn.get_executable(), cmd,
                                           self._fds)
        finally:
            os.close(child_r)
            os.close(child_w)
        self.sentinel = parent_r
        self._fds_to_close = [parent_r]
        try:
            view = memoryview(data)
            while len(view):
                view = view[os.write(parent_w, view):]
        except BrokenPipeError:
            pass                    # the child died early: join tells
        finally:
            os.close(parent_w)
