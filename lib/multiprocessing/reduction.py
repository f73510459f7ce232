"""Pickling for multiprocessing: dumps/loads with the highest protocol,
and DupFd, the stand-in for a file descriptor that goes to a child being
spawned.

A file descriptor cannot be pickled by number: the child must own it.
While a spawn or fork-server Popen pickles the process object, DupFd(fd)
asks it (duplicate_for_child) to pass the descriptor on; the spawned
child inherits it under the same number, the fork-server child receives
it over a Unix socket as the i-th descriptor of its request, and
detach() in the child returns the number to use.
"""

import os
import pickle

from . import context

HIGHEST_PROTOCOL = pickle.HIGHEST_PROTOCOL

# In a fork-server child: the descriptors received with the request.
_inherited_fds = None


def dumps(obj, protocol=None):
    return pickle.dumps(obj, HIGHEST_PROTOCOL if protocol is None
                        else protocol)


def loads(data):
    return pickle.loads(data)


class DupFd:
    """A file descriptor handed to a child being spawned."""

    def __init__(self, fd):
        popen = context.get_spawning_popen()
        if popen is None:
            raise RuntimeError('DupFd objects can only be pickled while '
                               'a child process is being started')
        self.handle = popen.duplicate_for_child(fd)
        self.by_index = _uses_index(popen)

    def detach(self):
        if self.by_index:
            return os.dup(_inherited_fds[self.handle])
        return self.handle


def _uses_index(popen):
    return getattr(popen, 'method', None) == 'forkserver'
