# Shutdown order (runtime.c MpRuntime_Fini, finalize_modules): __del__
# methods that run at exit still find the builtins; sys.stdout is put back
# from sys.__stdout__; objects stored in builtins die when builtins' dict
# is restored; a module kept alive is wiped (its functions become None),
# sys last of all, where print finds sys.stdout None and writes nothing.
import builtins

import sys

sys.path.insert(0, sys.path[0] + '/shutdown_support')
import shutmod

out = sys.__stdout__
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr,
      sys.__stdin__ is sys.stdin)


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        b = builtins.__dict__ if builtins is not None else None
        s = sys.__dict__ if sys is not None else None
        out.write('del %s: print %s, len %s, modules %s, stdout %s, '
                  'shutmod.greet %s\n' % (
                      self.n, 'print' in b, b.get('len')([1]),
                      type(s.get('modules')).__name__,
                      type(s.get('stdout')).__name__,
                      shutmod.greet is not None))
        print('  printed by', self.n)
        out.flush()


class Stdout:
    def write(self, s):
        return len(s)


shutmod.z = A('shutmod attr')
shutmod._z = A('shutmod _attr')
sys._u = A('sys _attr')
sys.zz = A('sys attr')
builtins._u = A('builtins _attr')
builtins.keep = A('builtins attr')
sys.modules['fake'] = A('in sys.modules')
sys.stdout = Stdout()
sys.stdout.a = A('replaced stdout')
a = A('main global')


class Cyc:
    pass


c = Cyc()
c.me = c
c.a = A('main cycle')
import atexit
atexit.register(lambda: print('atexit (to the replaced stdout)'))
