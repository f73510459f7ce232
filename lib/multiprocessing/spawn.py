"""The child side of spawn and the fork server: read the preparation
data and the process object, make the parent's main script importable as
__mp_main__, and run the process.

A spawned child is a new interpreter, so the functions and classes the
process object names must be importable.  Those of the parent's script
are: prepare() runs the script again under the name __mp_main__ (and
makes it sys.modules['__main__'] too), so everything outside an
`if __name__ == "__main__":` block runs once more in every child, as in
CPython.  A script that starts processes without that guard would start
them again while the child is still importing it; get_preparation_data
refuses with CPython's RuntimeError.
"""

import os
import struct
import sys

from . import process
from . import reduction

__all__ = ['spawn_main', 'get_command_line', 'get_preparation_data',
           'prepare', 'get_executable', 'set_executable']

_executable = sys.executable


def set_executable(exe):
    global _executable
    _executable = exe


def get_executable():
    return _executable


def get_command_line(**kwds):
    """The argument vector of a spawned child."""
    prog = 'from multiprocessing.spawn import spawn_main; spawn_main(%s)'
    prog %= ', '.join('%s=%r' % item for item in kwds.items())
    return [_executable, '-c', prog]


def spawn_main(pipe_handle, parent_pid=None, tracker_fd=None):
    """The entry point of a spawned child."""
    exitcode = _main(pipe_handle)
    sys.exit(exitcode)


def _read_exactly(fd, n):
    parts = []
    while n > 0:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError('the parent closed the pipe early')
        parts.append(chunk)
        n -= len(chunk)
    return b''.join(parts)


def _read_frame(fd):
    n, = struct.unpack('!Q', _read_exactly(fd, 8))
    return _read_exactly(fd, n)


def _main(fd, parent_sentinel=None):
    try:
        process.current_process()._inheriting = True
        try:
            preparation_data = reduction.loads(_read_frame(fd))
            prepare(preparation_data)
            self = reduction.loads(_read_frame(fd))
        finally:
            del process.current_process()._inheriting
    finally:
        os.close(fd)
    return self._bootstrap(parent_sentinel)


def _check_not_importing_main():
    if getattr(process.current_process(), '_inheriting', False):
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        ''')


def get_preparation_data(name):
    """What a spawned child needs to look like its parent."""
    _check_not_importing_main()
    from .context import _default_context
    d = dict(
        name=name,
        sys_path=sys.path,
        sys_argv=sys.argv,
        dir=os.getcwd(),
        start_method=_default_context.get_start_method(),
    )
    main_module = sys.modules['__main__']
    main_mod_name = getattr(getattr(main_module, '__spec__', None),
                            'name', None)
    if main_mod_name is not None and main_mod_name != '__main__':
        d['init_main_from_name'] = main_mod_name
    else:
        main_path = getattr(main_module, '__file__', None)
        if main_path is not None:
            if not os.path.isabs(main_path):
                main_path = os.path.join(os.getcwd(), main_path)
            d['init_main_from_path'] = os.path.normpath(main_path)
    return d


def prepare(data):
    """Makes this fresh process look like the parent (the inverse of
    get_preparation_data)."""
    if 'name' in data:
        process.current_process().name = data['name']
    if 'sys_path' in data:
        sys.path[:] = data['sys_path']
    if 'sys_argv' in data:
        sys.argv = data['sys_argv']
    if 'dir' in data:
        os.chdir(data['dir'])
    if 'start_method' in data:
        from .context import _default_context
        _default_context.set_start_method(data['start_method'], force=True)
    if 'init_main_from_name' in data:
        _fixup_main_from_name(data['init_main_from_name'])
    elif 'init_main_from_path' in data:
        _fixup_main_from_path(data['init_main_from_path'])


def _fixup_main_from_name(mod_name):
    if mod_name == '__main__' or mod_name.endswith('.__main__'):
        return
    import importlib
    main_module = importlib.import_module(mod_name)
    sys.modules['__main__'] = sys.modules['__mp_main__'] = main_module


def _fixup_main_from_path(main_path):
    """Runs the parent's script as the module __mp_main__."""
    current_main = sys.modules['__main__']
    if getattr(current_main, '__file__', None) == main_path:
        return
    main_module = type(sys)('__mp_main__')
    main_module.__file__ = main_path
    main_module.__builtins__ = __builtins__
    sys.modules['__main__'] = sys.modules['__mp_main__'] = main_module
    try:
        with open(main_path, 'rb') as f:
            source = f.read()
        code = compile(source, main_path, 'exec')
        exec(code, main_module.__dict__)
    except BaseException:
        sys.modules['__main__'] = current_main
        del sys.modules['__mp_main__']
        raise
