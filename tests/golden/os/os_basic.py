# os over posix: the re-exported names, os.path (posixpath), environ
import os
import posix
import sys

print(os.name, repr(os.sep), repr(os.linesep), os.curdir, os.pardir,
      os.extsep, os.pathsep, os.devnull, os.altsep)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.O_RDONLY, os.WNOHANG)
print(os.path is sys.modules['os.path'], os.path.__name__)
print(os.getpid() == posix.getpid(), os.stat is posix.stat)
print(os.error is OSError, os.stat_result.__name__)

j = os.path.join
print(j('a', 'b', 'c'), j('/a', '/b'), j('a/', 'b'), j('', 'x'), j(b'a', b'b'))
print(os.path.split('/usr/lib/x.py'), os.path.split('x'), os.path.split('/'))
print(os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'),
      os.path.splitext('a.b/c'))
print(os.path.basename('/a/b/'), os.path.dirname('/a/b/c'),
      os.path.dirname('c'))
print(os.path.normpath('/a//b/./c/../d/'), os.path.normpath(''),
      os.path.normpath('../../x'), os.path.normpath('//a'))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.isabs(b'/x'))
print(os.getcwd() == os.path.abspath('.'),
      os.path.abspath('a/../b') == j(os.getcwd(), 'b'))
print(os.path.relpath('/a/b/c', '/a/d'), os.path.commonprefix(['abc', 'abd']),
      os.path.commonpath(['/a/b/c', '/a/b/d']))
print(os.path.exists('.'), os.path.isdir('.'), os.path.isfile('.'),
      os.path.exists('no-such-file-here'), os.path.isfile(__file__))
try:
    j('a', b'b')
except TypeError as e:
    print('TypeError', e)

os.environ['MINIPY_TEST_VAR'] = 'héllo'
print(os.environ['MINIPY_TEST_VAR'], os.getenv('MINIPY_TEST_VAR'),
      'MINIPY_TEST_VAR' in os.environ, os.getenv('MINIPY_NOT_SET', 'dflt'))
print(os.environ.get('MINIPY_NOT_SET'), os.environ.pop('MINIPY_NOT_SET', 7))
pid = os.fork()
if pid == 0:
    # the child inherits the process environment putenv changed
    os._exit(0 if os.getenv('MINIPY_TEST_VAR') == 'héllo' else 3)
print('child saw it:', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0)
del os.environ['MINIPY_TEST_VAR']
print('MINIPY_TEST_VAR' in os.environ, os.getenv('MINIPY_TEST_VAR'))
try:
    os.environ['MINIPY_TEST_VAR']
except KeyError as e:
    print('KeyError', e)
try:
    os.environ[1] = 'x'
except TypeError as e:
    print('TypeError', e)
print(os.fsencode('a\udcffb'), os.fsdecode(b'a\xffb') == 'a\udcffb',
      os.fspath('p'), os.fspath(b'p'))


class P:
    def __fspath__(self):
        return 'from-fspath'


print(os.fspath(P()), os.path.join(P(), 'x'))
try:
    os.fspath(3)
except TypeError as e:
    print('TypeError', e)
print(len(os.urandom(5)), type(os.cpu_count()), os.strerror(2))
