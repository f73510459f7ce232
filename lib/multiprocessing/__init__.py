"""multiprocessing: processes, pipes, queues, locks and shared memory.

The names of this package are the methods of the default context
(context.py): Process, Pipe, Queue, Lock, Value, Pool, get_context,
set_start_method ...  The machinery is split as in CPython: process.py
(Process and current_process), one popen_*.py per start method,
connection.py (Pipe), queues.py, synchronize.py (over the C SemLock of
_multiprocessing), sharedctypes.py (Value/Array), pool.py, and
shared_memory.py.
"""

import sys

from . import context

__all__ = [x for x in dir(context._default_context) if not x.startswith('_')]
globals().update((name, getattr(context._default_context, name))
                 for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25
