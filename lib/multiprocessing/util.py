"""Helpers shared by the multiprocessing modules: flushing the standard
streams around fork, the exit handler of every process (join the
children, terminate the daemonic ones), and hooks run in a child after
fork.
"""

import os
import sys

_after_fork_hooks = []          # (function, obj), run in a forked child
_exiting = False


def _flush_std_streams():
    """Flush sys.stdout and sys.stderr so that a child made by fork does
    not print what the parent had buffered a second time."""
    for name in ('stdout', 'stderr'):
        stream = getattr(sys, name, None)
        try:
            if stream is not None:
                stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def _close_stdin():
    """A child does not read the parent's terminal: stdin becomes
    /dev/null, as in CPython."""
    if sys.stdin is None:
        return
    try:
        sys.stdin.close()
    except (OSError, ValueError):
        pass
    try:
        sys.stdin = open(os.devnull)
    except (OSError, ValueError):
        pass


def register_after_fork(obj, func):
    """func(obj) runs in every child started by fork, before its target."""
    _after_fork_hooks.append((func, obj))


def _run_after_forkers():
    for func, obj in list(_after_fork_hooks):
        try:
            func(obj)
        except Exception:
            import traceback
            traceback.print_exc()


def _exit_function():
    """At the end of a process: terminate the daemonic children, then join
    every child still running (CPython's util._exit_function)."""
    global _exiting
    if _exiting:
        return
    _exiting = True
    from . import process
    for p in process.active_children():
        if p.daemon:
            p.terminate()
    for p in process.active_children():
        p.join()


def spawnv_passfds(path, args, passfds):
    """fork, then execv(path, args) in the child with the descriptors of
    passfds made inheritable.  Returns the child's pid."""
    _flush_std_streams()
    pid = os.fork()
    if pid == 0:
        try:
            for fd in passfds:
                os.set_inheritable(fd, True)
            os.execv(path, args)
        except BaseException:
            pass
        os._exit(127)
    return pid


def _register_exit():
    import atexit
    atexit.register(_exit_function)


_register_exit()
