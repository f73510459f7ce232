"""Process objects: the handle a parent keeps on a child, and the record
of the running process itself (current_process()).

A Process is created in the parent, started with start(), which asks its
context's Popen class to make the child (by fork, spawn or the fork
server); the child then runs _bootstrap, which makes this object its
current_process() and calls run().  Everything the parent learns about
the child afterwards (is_alive, exitcode, join) comes through the Popen
object: waitpid for a child of ours, a status pipe for a fork-server
child.

Names follow CPython: 'MainProcess', then 'Process-1', 'Process-2' for the
children of the main process, 'Process-1:1' for a grandchild; the name's
prefix is the class name (ForkProcess-1 from get_context('fork')).
"""

import os
import signal
import sys

from . import util

__all__ = ['BaseProcess', 'current_process', 'active_children',
           'parent_process']


def current_process():
    """The Process object of the running process."""
    return _current_process


def parent_process():
    """The parent's Process object, or None in the main process."""
    return _parent_process


def active_children():
    """The children started by this process that are still running
    (finished ones are reaped on the way)."""
    _cleanup()
    return list(_children)


def _cleanup():
    for p in list(_children):
        if p._popen is not None and p._popen.poll() is not None:
            _children.discard(p)


class _Counter:
    """itertools.count(1), without itertools."""

    def __init__(self):
        self.n = 0

    def __next__(self):
        self.n += 1
        return self.n


class BaseProcess:
    """The process model: a target called with args and kwargs in another
    process.  Subclasses pick the start method through _Popen."""

    def _Popen(self):
        raise NotImplementedError

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def __init__(self, group=None, target=None, name=None, args=(),
                 kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or (type(self).__name__ + '-' +
                              ':'.join(str(i) for i in self._identity))
        if daemon is not None:
            self.daemon = daemon

    def run(self):
        """What the child does: call the target (override in subclasses)."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Starts the child process."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        self._popen = self._Popen(self)
        self._sentinel = self._popen.sentinel
        # the child has its copy: drop ours, so that the arguments can be
        # freed while the child runs
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        """Sends SIGTERM to the child."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Sends SIGKILL to the child."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Waits until the child ends, or timeout seconds pass."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the child is running (False before start)."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        returncode = self._popen.poll()
        if returncode is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Releases the resources of a finished process object."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still "
                                 "running. You should first call join() or "
                                 "terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        """Whether the child is terminated when this process exits."""
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config['authkey']

    @authkey.setter
    def authkey(self, authkey):
        self._config['authkey'] = bytes(authkey)

    @property
    def exitcode(self):
        """None while running; the exit status, or -N after signal N."""
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        """A file descriptor that becomes readable when the child ends."""
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self, parent_sentinel=None):
        """Runs in the child: become current_process(), call run(), and
        return the exit code (1 after an exception, whose traceback goes
        to stderr under 'Process <name>:')."""
        global _current_process, _parent_process, _process_counter, \
            _children
        try:
            if self._start_method is not None:
                from . import context
                context._force_start_method(self._start_method)
            _process_counter = _Counter()
            _children = set()
            util._close_stdin()
            _current_process = self
            _parent_process = _ParentProcess(self._parent_name,
                                             self._parent_pid,
                                             parent_sentinel)
            util._exiting = False
            if self._start_method == 'fork':
                util._run_after_forkers()
            try:
                self.run()
                exitcode = 0
            finally:
                util._exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException:
            exitcode = 1
            import traceback
            sys.stderr.write('Process %s:\n' % self.name)
            traceback.print_exc()
        finally:
            util._flush_std_streams()
        return exitcode

    def __reduce__(self):
        # only while a spawn or fork-server child is being made
        from .context import assert_spawning
        assert_spawning(self)
        state = dict(self.__dict__)
        state['_popen'] = None
        state.pop('_sentinel', None)
        return (_rebuild_process, (type(self), state))


def _rebuild_process(cls, state):
    self = cls.__new__(cls)
    self.__dict__.update(state)
    return self


class _ParentProcess(BaseProcess):
    """The parent as seen from a child (parent_process())."""

    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        from .connection import wait
        return not wait([self._sentinel], timeout=0)

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        from .connection import wait
        wait([self._sentinel], timeout=timeout)


class _MainProcess(BaseProcess):
    """The process that was not started by multiprocessing."""

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': os.urandom(32),
                        'semprefix': '/mp'}

    def close(self):
        pass


_parent_process = None
_current_process = _MainProcess()
_process_counter = _Counter()
_children = set()
del _MainProcess

_exitcode_to_name = {}
for _name in ('SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGABRT',
              'SIGFPE', 'SIGKILL', 'SIGSEGV', 'SIGPIPE', 'SIGALRM',
              'SIGTERM', 'SIGUSR1', 'SIGUSR2', 'SIGCHLD', 'SIGBUS'):
    _exitcode_to_name[-getattr(signal, _name)] = '-' + _name
del _name
