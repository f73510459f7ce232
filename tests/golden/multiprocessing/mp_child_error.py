# An exception in a child: "Process <name>:" and its traceback on the
# child's stderr, exit code 1.  The child's sys.stderr is a file here, so
# the parent can show it (without the library's frames).
import multiprocessing as mp
import os
import sys


def bad(x):
    return {}[x]


class Logged:
    def run(self):
        sys.stderr = open(self.name + '.log', 'w')
        super().run()


class ForkLogged(Logged, mp.get_context('fork').Process):
    pass


class SpawnLogged(Logged, mp.get_context('spawn').Process):
    pass


class ForkServerLogged(Logged, mp.get_context('forkserver').Process):
    pass


if __name__ == '__main__':
    for method, cls in (('fork', ForkLogged), ('spawn', SpawnLogged),
                        ('forkserver', ForkServerLogged)):
        p = cls(target=bad, args=('missing',), name='Bad-' + method)
        p.start()
        p.join()
        print(method, p.exitcode)
        with open(p.name + '.log') as f:
            for line in f.read().splitlines():
                if not line.startswith(' ') or 'mp_child_error.py' in line:
                    print('|', line)
        os.remove(p.name + '.log')
