#!/usr/bin/env python3
"""fuzz_run.py -- run-time fuzzer for minipy ("bad input never crashes").

Run with CPython (python3), not with minipy.  It writes Python programs,
runs each under a minipy binary (normally the ASan+UBSan build) with a time
limit, and sorts the outcomes:

    ok          exit status 0 or 1 (an uncaught exception is a fine answer)
    exit-N      any other status (SystemExit from the program: noted only)
    sanitizer   an AddressSanitizer / UndefinedBehaviorSanitizer report
    abort       SIGABRT or an assertion failure
    crash-SIG   killed by any other signal (SIGSEGV, SIGBUS...)
    hang        the time limit passed; CPython is then run on the same
                program: "hang" when CPython finishes, "hang-both" when it
                does not (a genuine infinite loop, not a bug)
    memory      ASan's RSS limit was hit (a huge allocation that CPython
                might also attempt: look, do not assume a bug)

Every failure class is kept once per signature (the first frames of the
sanitizer report, the assertion text, ...) in the output directory as
NAME.py with NAME.log beside it; the summary line counts each outcome.

Two sources of programs:

  mutate   a seed (tests/golden/**/*.py, examples/*.py; seeds that fork,
           kill, spawn or delete files are left out) with 1-5 token-level
           mutations: an operator for another, a literal for an odd one
           (None, 0, -1, 2**100, '', b'', [], {}, 1.5e308, nan...), a name
           for another name of the file, a line duplicated, deleted or
           swapped, an expression wrapped in deep nesting, an adversarial
           statement inserted (gc.collect(), x.clear(), del x, ...).  Only
           variants CPython compiles are run: the parser has its own fuzzing.
  gen      a program aimed at the built-ins: every builtin, every method of
           every built-in type (found with dir() in minipy and CPython) and
           of common modules, called with odd arguments (wrong types, huge
           ints, negative sizes, self-referential containers, objects whose
           __eq__/__hash__/__len__/__index__/__iter__ mutate the container
           being worked on or raise), plus hand-written adversarial blocks
           (generators in odd states, __del__ and weakref callbacks that
           raise or mutate, mutation during iteration and sort, deep
           recursion through C paths, huge repetition).  Each statement runs
           inside try/except BaseException and prints its outcome.

Usage:
    python3 tools/fuzz_run.py [-n 2000] [--mode both|mutate|gen]
        [--binary build/asan/minipy] [--seed 1] [--timeout 10] [-j 1]
        [--out /tmp/minipy-fuzz] [--compare]
    python3 tools/fuzz_run.py --minimize CASE.py [--binary ...]
    python3 tools/fuzz_run.py --show-gen [--seed S]     (print one program)

Build the sanitizer binary alone with `make MODE=asan all` (the `asan`
target also runs the whole test suite).  --compare also runs each program
under python3 and reports programs whose printed outcomes differ (kind
"diff"; semantic differences, not crashes; expect noise from reprs).

--minimize shrinks a saved case while the outcome's signature stays the
same: whole top-level statements first (delta debugging), then single
lines; the result is written beside it as CASE.min.py.

Each program runs in a fresh scratch directory, in its own session and,
when `unshare` allows it, in its own PID namespace (so that a mutated
os.kill(-1, ...) cannot reach outside), with stdin from /dev/null, output
files limited to 64 MiB and no core files.
"""
import argparse
import ast
import hashlib
import io
import keyword
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tokenize
import warnings

warnings.simplefilter("ignore")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# {====== Running one program ======

ASAN_OPTIONS = ("detect_leaks=0:allocator_may_return_null=1:"
                "hard_rss_limit_mb=3000:exitcode=86:handle_abort=0:"
                "detect_stack_use_after_return=0:abort_on_error=0")
UBSAN_OPTIONS = "print_stacktrace=1:exitcode=87"
SANITIZER_RE = re.compile(r"ERROR: (AddressSanitizer|LeakSanitizer)|"
                          r"runtime error:|ERROR: UndefinedBehaviorSanitizer")


def have_unshare():
    try:
        r = subprocess.run(["unshare", "--pid", "--fork", "--kill-child",
                            "true"], capture_output=True, timeout=10)
        return r.returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


USE_UNSHARE = None


def limit_child(as_limit):
    def preexec():
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, 64 << 20))
        if as_limit:
            resource.setrlimit(resource.RLIMIT_AS, (as_limit, as_limit))
        # An over-limit write then fails with EFBIG instead of killing.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    return preexec


def run_program(binary, path, timeout, as_limit=0):
    """Runs binary on path; returns (returncode or None on timeout,
    stdout bytes, stderr bytes, seconds)."""
    global USE_UNSHARE
    if USE_UNSHARE is None:
        USE_UNSHARE = have_unshare()
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ASAN_OPTIONS
    env["UBSAN_OPTIONS"] = UBSAN_OPTIONS
    env["PYTHONHASHSEED"] = "0"
    env["LC_ALL"] = "C.UTF-8"
    argv = [binary, os.path.basename(path)]
    if USE_UNSHARE:
        argv = ["unshare", "--pid", "--fork", "--kill-child"] + argv
    t0 = time.monotonic()
    with open(path + ".stdout", "wb") as out, \
            open(path + ".stderr", "wb") as err:
        p = subprocess.Popen(argv, cwd=os.path.dirname(path), env=env,
                             stdin=subprocess.DEVNULL, stdout=out,
                             stderr=err, start_new_session=True,
                             preexec_fn=limit_child(as_limit))
        try:
            rc = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            rc = None
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()
    dt = time.monotonic() - t0
    with open(path + ".stdout", "rb") as f:
        so = f.read(1 << 20)
    with open(path + ".stderr", "rb") as f:
        se = f.read(4 << 20)
    return rc, so, se, dt


def signature(rc, stderr):
    """(kind, signature) of one run."""
    text = stderr.decode("utf-8", "replace")
    if rc is None:
        return "hang", "hang"
    if "hard rss limit exhausted" in text:
        return "memory", "rss-limit"
    m = SANITIZER_RE.search(text)
    if m or rc in (86, 87):
        head = text[m.start():] if m else text
        first = head.splitlines()[0] if head else ""
        # The sanitizer's summary kind, then the first frames in src/.
        kind = re.sub(r"0x[0-9a-f]+|\(pc .*|on address.*|/[^ ]*/", "",
                      first).strip()
        frames = re.findall(r"#\d+ 0x[0-9a-f]+ in (\w+) [^\n]*?(src/\S+?):",
                            head)
        if not frames:
            frames = re.findall(r"(src/[\w/]+\.c):\d+", head)
        fr = [f[0] if isinstance(f, tuple) else f for f in frames
              if not (isinstance(f, tuple) and f[0].startswith("__"))]
        return "sanitizer", kind[:80] + " @ " + " < ".join(fr[:3])
    if "Assertion" in text and "failed" in text:
        m = re.search(r"([\w/.]+:\d+: [^\n]*Assertion[^\n]*)", text)
        return "abort", (m.group(1) if m else "assertion")[:200]
    if rc < 0:
        sig = -rc
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        if sig == signal.SIGABRT:
            return "abort", "SIGABRT " + text.strip().splitlines()[-1][:120] \
                if text.strip() else "SIGABRT"
        return "crash-" + name, name
    if "Fatal Python error" in text:
        return "abort", text[text.index("Fatal"):].splitlines()[0]
    if "SystemError" in text:
        m = re.search(r"SystemError: [^\n]*", text)
        return "systemerror", m.group(0)[:160]
    if rc in (0, 1):
        return "ok", "ok"
    return "exit-%d" % rc, "exit-%d" % rc


# }======

# {====== Seeds and mutation ======

UNSAFE_SEED = re.compile(
    r"\bkill|fork|spawn|multiprocessing|subprocess|os\.system|popen|"
    r"shutil|remove|unlink|rmdir|rename|os\.replace|chmod|chown|"
    r"truncate|signal|mmap|shared_memory|shm|socket|setuid|execv|"
    r"/tmp|tempfile|sleep|input\(|stdin|pty|resource", re.I)


def collect_seeds():
    seeds = []
    for base in ("tests/golden", "examples"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, base)):
            for name in sorted(filenames):
                if not name.endswith(".py"):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                except (OSError, UnicodeDecodeError):
                    continue
                if UNSAFE_SEED.search(text) or len(text) > 60000:
                    continue
                try:
                    compile(text, path, "exec")
                except (SyntaxError, ValueError, RecursionError,
                        MemoryError):
                    continue
                seeds.append((os.path.relpath(path, ROOT), text))
    return seeds


ODD_LITERALS = [
    "None", "0", "-1", "1", "2**100", "-2**100", "2**63", "-2**63",
    "2**64 - 1", "2**31", "''", "b''", "[]", "{}", "()", "set()",
    "1.5e308", "float('nan')", "float('inf')", "-0.0", "1j", "True",
    "'\\udc80'", "'\\U0010ffff'", "b'\\xff'", "bytearray(b'ab')",
    "range(2**100)", "slice(None)", "object()", "...", "NotImplemented",
    "'a' * 1000", "[None] * 1000", "(1,) * 100", "{1: 2}", "frozenset()",
    "2**62", "-2**62", "type", "len", "(lambda *a, **k: None)",
    "iter([])", "memoryview(b'ab')", "'%s'", "'{}'", "'{0}'",
    "sys.maxsize" if False else "9223372036854775807", "-9223372036854775808",
]

OPERATORS = {
    "binary": ["+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&",
               "|", "^"],
    "compare": ["<", ">", "==", "!=", "<=", ">="],
    "augassign": ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=",
                  ">>=", "&=", "|=", "^=", "@="],
}
OP_CLASS = {op: cls for cls, ops in OPERATORS.items() for op in ops}

INSERTED = [
    "__import__('gc').collect()",
    "{n}.clear()",
    "del {n}",
    "{n} = None",
    "{n} = {m}",
    "{n}.append({n})",
    "{n}.__class__ = {m}",
    "__import__('sys').setrecursionlimit({k})",
    "raise {m}",
    "{n} = [{n}]",
    "{n} = iter({n})",
    "{n}[0] = {n}",
    "{n}.__dict__.clear()",
    "{n} = {n} * 2**62",
    "{n} = {lit}",
    "list(map(repr, [{n}] * 3))",
    "sorted({n}, key=lambda x: {n}.clear())",
]


class Mutator:
    """Token-level mutations of one seed's source text."""

    def __init__(self, text, rng):
        self.text = text
        self.rng = rng
        self.lines = text.splitlines(keepends=True)
        toks = list(tokenize.generate_tokens(io.StringIO(text).readline))
        self.toks = [t for t in toks if t.type not in (
            tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
            tokenize.ENDMARKER, tokenize.COMMENT)]
        self.names = sorted({t.string for t in self.toks
                             if t.type == tokenize.NAME
                             and not keyword.iskeyword(t.string)})

    def variant(self, count):
        lines = list(self.lines)
        # Token edits first (their positions refer to the original
        # lines), from the last position backwards so that earlier
        # positions stay valid, then line edits.
        edits = []
        for _ in range(count):
            e = self.token_edit()
            if e:
                edits.append(e)
        edits.sort(key=lambda e: (e[0], e[1]), reverse=True)
        seen = set()
        for (srow, scol, erow, ecol, new) in edits:
            if srow != erow or (srow, scol) in seen:
                continue
            seen.add((srow, scol))
            line = lines[srow - 1]
            lines[srow - 1] = line[:scol] + new + line[ecol:]
        if self.rng.random() < 0.4:
            self.line_edit(lines)
        return "".join(lines)

    def token_edit(self):
        if not self.toks:
            return None
        rng = self.rng
        for _ in range(20):
            t = rng.choice(self.toks)
            kind = rng.random()
            new = None
            if t.type == tokenize.OP and t.string in OP_CLASS:
                cls = OP_CLASS[t.string]
                ops = OPERATORS[cls] if rng.random() < 0.8 else \
                    OPERATORS["binary"] + OPERATORS["compare"]
                if cls == "augassign":
                    ops = OPERATORS["augassign"]
                new = rng.choice(ops)
            elif t.type in (tokenize.NUMBER, tokenize.STRING):
                if kind < 0.7:
                    new = "(" + rng.choice(ODD_LITERALS) + ")"
                else:
                    new = self.wrap(t.string)
            elif t.type == tokenize.NAME and not keyword.iskeyword(t.string):
                if kind < 0.6 and self.names:
                    new = rng.choice(self.names)
                elif kind < 0.8:
                    new = "(" + rng.choice(ODD_LITERALS) + ")"
                else:
                    new = self.wrap(t.string)
            if new is not None:
                return (t.start[0], t.start[1], t.end[0], t.end[1], new)
        return None

    def wrap(self, s):
        rng = self.rng
        n = rng.choice([2, 10, 50, 200, 1000, 3000])
        form = rng.randrange(6)
        if form == 0:
            return "(" * n + s + ")" * n
        if form == 1:
            return "[" * n + s + "]" * n + "[0]" * min(n, 20)
        if form == 2:
            return "-" * n + "(" + s + ")"
        if form == 3:
            return "(" + "not " * n + s + ")"
        if form == 4:
            return "(" + "(lambda x: x)(" * n + s + ")" * n + ")"
        return "(" + "{0: " * n + s + "}" * n + ")"

    def line_edit(self, lines):
        rng = self.rng
        if not lines:
            return
        i = rng.randrange(len(lines))
        op = rng.randrange(4)
        if op == 0:
            lines.insert(i, lines[i])
        elif op == 1:
            indent = re.match(r"[ \t]*", lines[i]).group(0)
            if lines[i].rstrip().endswith(":"):
                return
            lines[i] = indent + "pass\n"
        elif op == 2:
            ind = re.match(r"[ \t]*", lines[i]).group(0)
            same = [j for j, l in enumerate(lines)
                    if re.match(r"[ \t]*", l).group(0) == ind
                    and l.strip() and not l.rstrip().endswith(":")]
            if len(same) > 1 and not lines[i].rstrip().endswith(":"):
                j = rng.choice(same)
                lines[i], lines[j] = lines[j], lines[i]
        else:
            indent = re.match(r"[ \t]*", lines[i]).group(0)
            if not lines[i].strip() or lines[i].lstrip().startswith(
                    ("else", "elif", "except", "finally", ")", "]", "}")):
                return
            names = self.names or ["x"]
            stmt = rng.choice(INSERTED).format(
                n=rng.choice(names), m=rng.choice(names),
                k=rng.choice([10, 50, 100000, 10**6, 2**31 - 1]),
                lit=rng.choice(ODD_LITERALS))
            lines.insert(i, indent + stmt + "\n")


def mutate_program(seeds, rng):
    for _ in range(50):
        name, text = rng.choice(seeds)
        try:
            m = Mutator(text, rng)
        except (tokenize.TokenError, SyntaxError, IndentationError):
            continue
        src = m.variant(rng.choice([1, 1, 2, 2, 3, 5]))
        try:
            compile(src, "<fuzz>", "exec")
        except (SyntaxError, ValueError, RecursionError, MemoryError,
                OverflowError):
            continue
        return "# mutated from %s\n" % name + src
    return None


# }======

# {====== Generated adversarial programs ======

# The prelude every generated program starts with: the odd objects.  T is
# "the container being worked on"; _mut() empties it, so an __eq__, __hash__,
# __index__, __len__ or __iter__ calling it mutates the object whose method
# is running.
PRELUDE = r'''
import sys, gc, weakref, itertools, functools, operator, collections, copy
import math
T = None
def _mut():
    t = T
    try:
        if isinstance(t, (list, dict, set, bytearray, collections.deque)):
            t.clear()
        elif isinstance(t, memoryview):
            t.release()
    except BaseException:
        pass
class EvilEq:
    def __eq__(s, o):
        _mut(); return True
    __ne__ = __eq__
    def __lt__(s, o):
        _mut(); return False
    __gt__ = __le__ = __ge__ = __lt__
    def __hash__(s):
        _mut(); return 0
class Raiser:
    def _r(s, *a):
        raise ValueError('raiser')
    __eq__ = __ne__ = __lt__ = __gt__ = __le__ = __ge__ = _r
    __hash__ = __index__ = __len__ = __iter__ = __next__ = __repr__ = _r
    __bool__ = __int__ = __float__ = __str__ = __format__ = _r
    __getitem__ = __contains__ = __call__ = __length_hint__ = _r
    __add__ = __radd__ = __mul__ = __rmul__ = __fspath__ = _r
class KI:
    def __index__(s):
        raise KeyboardInterrupt
    def __hash__(s):
        raise SystemExit(5)
class BadIndex:
    def __init__(s, v):
        s.v = v
    def __index__(s):
        _mut(); return s.v
    __int__ = __index__
    def __float__(s):
        _mut(); return 1.5
class BadLen:
    def __init__(s, v):
        s.v = v
    def __len__(s):
        _mut(); return s.v
    def __iter__(s):
        _mut(); return iter([1, 2, 3])
    def __length_hint__(s):
        return s.v
    def __getitem__(s, i):
        _mut()
        if isinstance(i, int) and i < 3:
            return i
        raise IndexError(i)
class MutIter:
    def __init__(s):
        s.n = 0
    def __iter__(s):
        return s
    def __next__(s):
        s.n += 1
        _mut()
        if s.n > 5:
            raise StopIteration
        return s.n
class WrongRet:
    def __hash__(s): return 2**100
    def __len__(s): return 2**100
    def __index__(s): return 1.5
    def __int__(s): return '1'
    def __float__(s): return 1
    def __str__(s): return 1
    def __repr__(s): return None
    def __bool__(s): return 2
    def __iter__(s): return 1
    def __format__(s, f): return 1
    def __eq__(s, o): return Raiser()
    def __lt__(s, o): return Raiser()
    def __length_hint__(s): return -5
    def __bytes__(s): return 'x'
    def __complex__(s): return 1
    def __round__(s, *a): return s
    def __fspath__(s): return 1
class NegLen:
    def __len__(s): return -1
    def __length_hint__(s): return -1
    def __iter__(s): return iter(())
class StrSub(str):
    def __eq__(s, o):
        _mut(); return str.__eq__(s, o)
    def __hash__(s):
        _mut(); return str.__hash__(s)
class IntSub(int):
    def __index__(s):
        _mut(); return 7
    def __eq__(s, o):
        _mut(); return int.__eq__(s, o)
    def __hash__(s):
        return int.__hash__(s)
class DelRaise:
    def __del__(s):
        raise ValueError('del')
class DelMut:
    def __del__(s):
        _mut()
        global T
        T = s
class GA:
    def __getattr__(s, n):
        _mut(); return getattr(s, n + '_')
def _gen():
    try:
        yield 1
        yield 2
    finally:
        yield 3
def _gen2():
    x = yield
    while True:
        x = yield x
SELF_L = [1, 2]
SELF_L.append(SELF_L)
SELF_D = {1: 2}
SELF_D[2] = SELF_D
DEEP_L = []
for _i in range(100000):
    DEEP_L = [DEEP_L]
DEEP_T = ()
for _i in range(100000):
    DEEP_T = (DEEP_T,)
DEEP_D = {}
for _i in range(100000):
    DEEP_D = {0: DEEP_D}
del _i
def R(n, f):
    try:
        f()
    except BaseException as e:
        print(n, type(e).__name__, flush=True)
    else:
        print(n, 'ok', flush=True)
'''

# Expressions for receivers: each evaluated afresh for each statement.
RECEIVERS = [
    "7", "-1", "0", "2**100", "-2**100", "True", "1.5", "float('nan')",
    "float('inf')", "-0.0", "1e308", "1j", "complex(1, float('nan'))",
    "'abc'", "''", "'a\\udc80b'", "'\\U0010ffff' * 3", "'ab\\tcd\\nef'",
    "'é' * 5", "StrSub('abc')", "b'abc'", "b''", "b'\\xff\\x00abc'",
    "bytearray(b'abc')", "bytearray()", "[3, 1, EvilEq(), 2]", "[]",
    "[1, 2, 3]", "SELF_L", "list(range(20))", "[BadIndex(1), 2]",
    "(1, 2, 3)", "()", "(EvilEq(), EvilEq())", "{1: 2, 3: 4}", "{}",
    "{EvilEq(): 1, 2: 3}", "SELF_D", "{StrSub('a'): 1, 'b': 2}",
    "{1, 2, 3}", "set()", "{EvilEq(), 1}", "frozenset({1, 2})",
    "range(10)", "range(2**100)", "range(-5, 5, -2)", "slice(1, None, -1)",
    "memoryview(bytearray(b'abcd'))", "memoryview(b'ab')",
    "collections.deque([1, EvilEq(), 3])", "collections.OrderedDict(a=1)",
    "collections.defaultdict(list)", "collections.Counter('hello')",
    "int", "str", "type", "object", "list", "dict", "EvilEq", "object()",
    "len", "_gen()", "_gen2()", "iter([1, 2])", "iter({1: 2})",
    "reversed([1, 2])", "enumerate('ab')", "zip('ab', [1])",
    "map(len, ['a'])", "filter(None, [0, 1])", "itertools.count()",
    "itertools.cycle('ab')", "itertools.chain('ab', [1])",
    "functools.partial(len)", "property(len)", "staticmethod(len)",
    "classmethod(len)", "super(int, 1)", "weakref.ref(EvilEq)",
    "ValueError('x')", "StopIteration(1)", "BadLen(5)", "BadLen(-1)",
    "WrongRet()", "Raiser()", "MutIter()", "GA()", "IntSub(3)",
    "(lambda a, *b, c=1, **d: (a, b, c, d))", "sys", "math", "gc",
    "Ellipsis", "NotImplemented", "None", "DEEP_L", "DEEP_T",
    "{1: 2}.keys()", "{1: 2}.items()", "{1: 2}.values()",
    "_gen().gi_frame", "(lambda: 0).__code__", "1 .__add__",
    "[].append", "int.__add__", "object.__init__", "type.__dict__['mro']",
    "NegLen()", "KI()",
]

ARGS = [
    "None", "0", "1", "-1", "2", "3", "-2", "2**100", "-2**100", "2**63",
    "-2**63", "2**63 - 1", "2**31", "-2**31", "2**62", "2**64", "1.5",
    "-0.5", "float('nan')", "float('inf')", "1e308", "1j", "True",
    "''", "'a'", "'abc'", "' '", "'\\x00'", "'\\udc80'", "'%s'",
    "'{}'", "'{0:{1}}'", "'%*d'", "'{:>99999999999}'", "'{:.2147483647f}'",
    "'%.2147483647f'", "'utf-8'", "'ascii'", "'strict'", "'surrogatepass'",
    "'x' * 1000", "b''", "b'a'", "b'\\xff'", "bytearray(b'ab')",
    "memoryview(b'ab')", "[]", "[1, 2]", "SELF_L", "{}", "{1: 2}",
    "SELF_D", "()", "(1, 2)", "set()", "frozenset([1])", "range(3)",
    "slice(None, None, -1)", "slice(0, 2**100)", "slice(2**100)",
    "object()", "int", "str", "type", "object", "len", "repr",
    "(lambda *a, **k: None)", "(lambda *a: 1/0)", "(lambda x: x)",
    "EvilEq()", "Raiser()", "BadIndex(2)", "BadIndex(2**100)",
    "BadIndex(-2**100)", "BadLen(3)", "BadLen(-1)", "BadLen(2**100)",
    "MutIter()", "WrongRet()", "NegLen()", "StrSub('a')", "IntSub(5)",
    "KI()", "iter([1, 2])", "_gen()", "DEEP_L", "DEEP_T", "DEEP_D",
    "Ellipsis", "NotImplemented", "ValueError", "ValueError('e')",
    "StopIteration", "GeneratorExit", "sys.maxsize", "-sys.maxsize - 1",
    "DelRaise()", "DelMut()",
]
KWNAMES = ["key", "reverse", "default", "start", "end", "sep", "maxsplit",
           "encoding", "errors", "fillchar", "base", "tabsize", "keepends",
           "strict", "initial", "x", "object", "byteorder", "signed",
           "length", "ndigits", "file", "flush", "globals", "locals"]

BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
          "@", "<", "<=", "==", "!=", ">", ">=", "in", "not in", "is"]

# Things generated programs must never call: they would leave the sandbox,
# wait, or spoil the run for the statements after them.
FORBIDDEN = {"open", "input", "breakpoint", "help", "exit", "quit",
             "setprofile", "settrace", "_exit", "abort", "sleep", "kill",
             "stdin", "stdout", "stderr", "__stdout__", "__stderr__",
             "__stdin__", "setswitchinterval", "set_int_max_str_digits",
             "setrecursionlimit", "__import__", "exec", "eval", "compile",
             "freeze", "displayhook", "excepthook", "modules", "path",
             "meta_path", "path_hooks", "unraisablehook", "__builtins__",
             "system", "fork", "dup2", "close", "write", "_getframe",
             "set_debug", "disable", "callbacks", "garbage", "__loader__",
             "__spec__", "builtins", "print"}

MODULES = ["math", "itertools", "functools", "operator", "collections",
           "copy", "heapq", "bisect", "struct", "array", "random", "string",
           "reprlib", "keyword", "weakref", "gc", "sys", "copyreg", "types",
           "pickle", "io", "abc", "enum", "dataclasses", "typing", "time",
           "traceback", "linecache", "queue", "__future__"]

DISCOVER = r'''
import sys, builtins
names = {}
def add(label, obj):
    try:
        attrs = dir(obj)
    except BaseException:
        return
    for a in attrs:
        if a.startswith('__') and a not in (
                '__getitem__', '__setitem__', '__delitem__', '__contains__',
                '__reduce_ex__', '__reduce__', '__format__', '__sizeof__',
                '__init__', '__new__', '__getstate__', '__setstate__',
                '__iter__', '__next__', '__reversed__', '__length_hint__',
                '__round__', '__trunc__', '__floor__', '__ceil__',
                '__index__', '__set_name__', '__init_subclass__',
                '__subclasshook__', '__instancecheck__',
                '__subclasscheck__', '__class_getitem__', '__mro_entries__',
                '__getattribute__', '__setattr__', '__delattr__', '__hash__',
                '__eq__', '__lt__', '__add__', '__mul__', '__mod__',
                '__rmod__', '__pow__', '__rpow__', '__divmod__', '__call__',
                '__get__', '__set__', '__delete__', '__enter__', '__exit__',
                '__copy__', '__deepcopy__', '__bytes__', '__complex__',
                '__fspath__', '__dir__', '__repr__', '__str__', '__bool__',
                '__iadd__', '__imul__', '__ior__', '__or__', '__and__'):
            continue
        print(label + '\t' + a)
for t in (int, bool, float, complex, str, bytes, bytearray, list, tuple,
          dict, set, frozenset, range, slice, memoryview, type, object,
          BaseException, property, staticmethod, classmethod, super,
          enumerate, zip, map, filter, reversed):
    add('T:' + t.__name__, t)
add('T:generator', (lambda: (yield))())
add('T:dict_keys', {}.keys())
add('T:dict_items', {}.items())
add('T:list_iterator', iter([]))
for m in sys.argv[1:]:
    try:
        mod = __import__(m)
    except BaseException:
        continue
    add('M:' + m, mod)
for b in dir(builtins):
    print('B\t' + b)
'''


def discover(binaries):
    """{'T:int': {...}, 'M:math': {...}, 'B': {...}} from every binary."""
    api = {}
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "discover.py")
        with open(path, "w") as f:
            f.write(DISCOVER)
        for b in binaries:
            try:
                r = subprocess.run([b, path] + MODULES, capture_output=True,
                                   timeout=60, cwd=d, env=dict(
                                       os.environ,
                                       ASAN_OPTIONS=ASAN_OPTIONS))
            except (OSError, subprocess.TimeoutExpired):
                continue
            for line in r.stdout.decode("utf-8", "replace").splitlines():
                if "\t" in line:
                    k, v = line.split("\t", 1)
                    if v not in FORBIDDEN:
                        api.setdefault(k, set()).add(v)
    return {k: sorted(v) for k, v in api.items()}


RECEIVER_TYPE = {}  # filled lazily: receiver expression -> 'T:name' guess


def receiver_label(expr):
    guesses = [
        ("T:bool", r"^True$"), ("T:complex", r"1j|complex"),
        ("T:float", r"^(1\.5|float|-0\.0|1e308)"),
        ("T:bytearray", r"bytearray"), ("T:memoryview", r"memoryview"),
        ("T:bytes", r"^b'"), ("T:str", r"^'|StrSub"),
        ("T:range", r"^range"), ("T:slice", r"^slice"),
        ("T:dict_keys", r"keys\(\)"), ("T:dict_items", r"items\(\)"),
        ("T:generator", r"_gen"), ("T:list_iterator", r"^iter\(\["),
        ("T:enumerate", r"^enumerate"), ("T:zip", r"^zip"),
        ("T:map", r"^map"), ("T:filter", r"^filter"),
        ("T:reversed", r"^reversed"), ("T:property", r"^property"),
        ("T:staticmethod", r"^staticmethod"),
        ("T:classmethod", r"^classmethod"), ("T:super", r"^super"),
        ("T:list", r"^\[|SELF_L|list\(|DEEP_L|deque"),
        ("T:tuple", r"^\(|DEEP_T"), ("T:dict", r"^\{.*:|SELF_D|Dict|Counter"),
        ("T:set", r"^\{|set\("), ("T:frozenset", r"frozenset"),
        ("T:BaseException", r"Error|StopIteration"),
        ("T:type", r"^(int|str|type|object|list|dict|EvilEq)$"),
        ("T:int", r"^-?\d|IntSub"),
    ]
    for label, pat in guesses:
        if re.search(pat, expr):
            return label
    return "T:object"


class Generator:
    def __init__(self, api, rng):
        self.api = api
        self.rng = rng
        self.n = 0

    def arg(self):
        return self.rng.choice(ARGS)

    def args(self, lo=0, hi=3):
        rng = self.rng
        parts = [self.arg() for _ in range(rng.randint(lo, hi))]
        if rng.random() < 0.2:
            parts.append("%s=%s" % (rng.choice(KWNAMES), self.arg()))
        if rng.random() < 0.05:
            parts.append("*" + rng.choice(["[]", "[1, 2]", "BadLen(2)",
                                           "MutIter()", "Raiser()", "T"]))
        if rng.random() < 0.05:
            parts.append("**" + rng.choice(["{}", "{'a': 1}", "SELF_D",
                                            "{1: 2}"]))
        return ", ".join(parts)

    def stmt(self):
        """One statement (a list of lines, run inside R(n, lambda))."""
        rng = self.rng
        r = rng.random()
        recv = rng.choice(RECEIVERS)
        if r < 0.40:
            label = receiver_label(recv)
            methods = self.api.get(label) or self.api.get("T:object", [])
            if not methods:
                return ["T = %s" % recv]
            m = rng.choice(methods)
            return ["T = %s" % recv,
                    "getattr(T, %r)(%s)" % (m, self.args())]
        if r < 0.55:
            b = rng.choice(self.api.get("B", ["len"]))
            a = self.args(0, 3)
            call = "%s(T%s)" % (b, ", " + a if a else "") \
                if rng.random() < 0.7 else "%s(%s)" % (b, a)
            return ["T = %s" % recv, "getattr(__import__('builtins'), %r)"
                    % b + call[len(b):]]
        if r < 0.65:
            mods = [k for k in self.api if k.startswith("M:")]
            if mods:
                mk = rng.choice(mods)
                f = rng.choice(self.api[mk])
                return ["T = %s" % recv, "getattr(__import__(%r), %r)(%s)"
                        % (mk[2:], f, self.args(0, 3))]
        if r < 0.85:
            a = self.arg()
            form = rng.randrange(12)
            line = [
                "T %s %s" % (rng.choice(BINOPS), a),
                "%s %s T" % (a, rng.choice(BINOPS)),
                "T[%s]" % a,
                "T[%s] = %s" % (a, self.arg()),
                "T.__delitem__(%s)" % a,
                "T[%s:%s:%s]" % (a, self.arg(), self.arg()),
                "T[%s:%s] = %s" % (a, self.arg(), self.arg()),
                "hash(T), repr(T), str(T), format(T, %s)" % a,
                "[x for _, x in zip(range(50), T)]",
                "sorted(T, key=%s)" % rng.choice(
                    ["lambda x: _mut()", "lambda x: T", "EvilEq",
                     "lambda x: -x", "id", "lambda x: Raiser()"]),
                "copy.deepcopy(T), copy.copy(T)",
                "T(%s)" % self.args(),
            ][form]
            if rng.random() < 0.3 and form not in (0, 1, 2, 5, 7, 8, 9, 10):
                return ["T = %s" % recv, "exec(%r)" % line]
            return ["T = %s" % recv, line]
        return self.snippet()

    def snippet(self):
        rng = self.rng
        k = rng.randrange(len(SNIPPETS))
        return SNIPPETS[k](rng, self)

    def program(self, nstmts):
        rng = self.rng
        out = [PRELUDE]
        if rng.random() < 0.2:
            out.append("sys.setrecursionlimit(%d)"
                       % rng.choice([50, 100000, 10**6, 2**31 - 1]))
        for i in range(nstmts):
            lines = self.stmt()
            out.append("def _s%d():" % i)
            out.append("    global T")
            for ln in lines:
                out.append("    " + ln)
            out.append("R(%d, _s%d)" % (i, i))
            out.append("T = None")
        out.append("gc.collect()")
        return "\n".join(out) + "\n"


# Hand-written adversarial blocks.  Each takes (rng, generator) and returns
# lines of a function body (which may define nested functions/classes).
def sn_generator_states(rng, g):
    a = rng.choice(["g.close()", "g.throw(ValueError)", "g.send(5)",
                    "next(g)", "g.throw(GeneratorExit)",
                    "g.throw(StopIteration)", "g.throw(ValueError, 1, None)",
                    "g.throw(ValueError('x').with_traceback(None))",
                    "g.gi_frame and g.gi_frame.f_locals",
                    "g.throw(%s)" % g.arg(), "g.send(%s)" % g.arg(),
                    "list(g)", "g.close(); g.close()", "g.gi_code",
                    "g.throw(KeyboardInterrupt)"])
    b = rng.choice(["_gen()", "_gen2()", "(x for x in T)", "inner()",
                    "selfy()", "yf()", "(yield_ for yield_ in [g])"])
    return [
        "T = [1, 2, 3]",
        "def inner():",
        "    try:",
        "        yield g.send(None)",
        "    except BaseException:",
        "        yield %s" % rng.choice(["g.close()", "next(g)", "1",
                                         "g.throw(ValueError)"]),
        "def selfy():",
        "    yield from g",
        "def yf():",
        "    r = yield from %s" % rng.choice(["_gen()", "[1, 2]", "MutIter()",
                                              "iter(T)", "_gen2()"]),
        "    yield r",
        "g = %s" % b,
        "for _ in range(%d): %s" % (rng.randint(0, 3),
                                    rng.choice(["next(g, None)",
                                                "g.send(None)"])),
        a,
        "%s" % rng.choice(["next(g)", "g.close()", "g.send(1)",
                           "g.throw(IndexError)", "del g"]),
    ]


def sn_del_weakref(rng, g):
    cb = rng.choice(["raise ValueError('cb')", "T.clear()", "gc.collect()",
                     "r.__callback__", "lst.append(w)", "del lst[:]",
                     "X()", "sys.exc_info()", "w()"])
    return [
        "lst = []",
        "T = lst",
        "class X:",
        "    def __del__(self):",
        "        %s" % rng.choice(["raise ValueError('del')", "lst.append(self)",
                                   "lst.clear()", "gc.collect()",
                                   "self.__dict__.clear()", "T.append(self)",
                                   "del self.__class__.__del__"]),
        "def cb(w):",
        "    %s" % cb,
        "x = X()",
        "x.self = %s" % rng.choice(["x", "None", "[x]", "lst"]),
        "r = weakref.ref(x, cb)",
        "lst.append(r)",
        "w = r",
        "d = weakref.WeakValueDictionary()",
        "d[1] = x",
        "ws = weakref.WeakSet([x])",
        "del x",
        rng.choice(["gc.collect()", "pass", "list(d.items())", "lst.clear()",
                    "[v for v in ws]"]),
        "for k in list(d.keys()): d.pop(k, None)",
        "gc.collect()",
    ]


def sn_mutate_iter(rng, g):
    cont = rng.choice(["[1, 2, 3, 4]", "{1: 1, 2: 2, 3: 3}", "{1, 2, 3}",
                       "bytearray(b'abcd')", "collections.deque([1, 2, 3])",
                       "collections.OrderedDict(a=1, b=2)"])
    mut = rng.choice(["T.clear()", "T.pop()", "T.append(9)", "T[9] = 9",
                      "T.add(9)", "T.insert(0, 1)", "del T[0]",
                      "T.update({9: 9})", "T.discard(1)", "T.popitem()",
                      "T.extend(T)", "T.sort()", "T.reverse()",
                      "T.move_to_end('a')", "T.rotate(1)", "T *= 2",
                      "T.appendleft(1)", "T.setdefault(8, 8)", "T.__init__()"])
    it = rng.choice(["T", "list(T)", "iter(T)", "reversed(T)", "T.items()",
                     "T.keys()", "T.values()", "enumerate(T)", "zip(T, T)",
                     "sorted(T)", "map(str, T)", "filter(None, T)"])
    return [
        "global T",
        "T = %s" % cont,
        "n = 0",
        "for x in %s:" % it,
        "    n += 1",
        "    if n > 20: break",
        "    try:",
        "        %s" % mut,
        "    except BaseException as e:",
        "        pass",
    ]


def sn_sort_mutate(rng, g):
    key = rng.choice(["lambda x: (T.append(1), x)[1]",
                      "lambda x: (T.clear(), x)[1]",
                      "lambda x: (T.sort(), x)[1]",
                      "lambda x: (T.pop(), x)[1]",
                      "lambda x: EvilEq()",
                      "lambda x: Raiser() if x == 3 else x",
                      "lambda x: [T]",
                      "functools.cmp_to_key(lambda a, b: (T.clear(), 1)[1])",
                      "functools.cmp_to_key(lambda a, b: 2**100)",
                      "functools.cmp_to_key(lambda a, b: Raiser())"])
    return [
        "global T",
        "T = list(range(%d))" % rng.choice([5, 20, 100, 1000]),
        rng.choice(["T.sort(key=%s)" % key,
                    "T.sort(key=%s, reverse=True)" % key,
                    "sorted(T, key=%s)" % key,
                    "min(T, key=%s)" % key, "max(T, key=%s)" % key,
                    "T.sort()",
                    "__import__('heapq').nsmallest(3, T, key=%s)" % key]),
    ]


def sn_huge(rng, g):
    n = rng.choice(["2**62", "2**63", "2**63 - 1", "2**64", "2**31",
                    "2**32", "2**100", "-2**63", "sys.maxsize",
                    "sys.maxsize // 2", "2**40"])
    e = rng.choice([
        "'a' * N", "[0] * N", "b'a' * N", "(1,) * N", "bytearray(N)",
        "bytes(N)", "range(N)[N - 1]", "range(2**100)[N]", "len(range(N))",
        "'ab'.ljust(N)", "'ab'.center(N)", "'ab'.zfill(N)", "'%*d' % (N, 1)",
        "'{:{}}'.format(1, N)", "format(1, str(N))", "'a\\tb'.expandtabs(N)",
        "'abc'.replace('', 'x' * 100, N)", "'ab' * 1000 * N",
        "[1, 2][::N]", "[1, 2][N:]", "'ab'[N:-N:-1]", "(1 << N)",
        "2 ** N", "pow(2, N, 10**9)", "'x'.split('x', N)",
        "'x'.rsplit('x', -N)", "b'x'.split(b'x', N)", "bytes(range(256)) * N",
        "list(itertools.repeat(1, N))", "itertools.islice('ab', N, N)",
        "math.factorial(N)", "int('1' * 5000)", "str(10 ** 5000)",
        "'%.*f' % (N, 1.5)", "'%s' % ('a' * 10,) * N", "bytearray(b'a') * N",
        "memoryview(b'ab')[N]", "[].insert(N, 1)", "[1].pop(N)",
        "T.extend(itertools.repeat(1, N))" if False else "[1] * (N // 8)",
        "divmod(N, 0)", "round(1.5, N)", "round(N, -N)", "1.5 ** N",
        "N.to_bytes(N, 'big')", "int.from_bytes(b'\\xff' * 10, 'big') * N",
        "sum([[1]] * 3, [0] * (N % 1000))", "chr(N)", "'abc'.encode('utf-16') * N",
        "struct.pack('%dx' % N)" if False else "__import__('struct').calcsize('%dx' % N)",
        "collections.deque(maxlen=N)", "array_mul(N)",
    ])
    return [
        "N = %s" % n,
        "def array_mul(n):",
        "    import array",
        "    return array.array('b', [1]) * n",
        "r = %s" % e,
    ]


def sn_deep(rng, g):
    what = rng.choice([
        "repr(DEEP_L)", "DEEP_L == DEEP_L[0]", "hash(DEEP_T)",
        "DEEP_T == DEEP_T[0]", "repr(DEEP_D)", "DEEP_D == DEEP_D[0]",
        "str(DEEP_D)", "copy.deepcopy(DEEP_L)",
        "__import__('pickle').dumps(DEEP_L)", "DEEP_L < DEEP_L[0]",
        "DEEP_L in [DEEP_L[0]]", "sorted([DEEP_L, DEEP_L[0]])",
        "format(DEEP_L)", "'%s' % (DEEP_L,)", "f'{DEEP_L}'",
        "list(DEEP_L) == [DEEP_L[0]]", "{DEEP_T: 1}",
        "set([DEEP_T])", "frozenset([DEEP_T]) == frozenset([DEEP_T[0]])",
        "max(DEEP_L, DEEP_L[0])", "DEEP_L.index(DEEP_L[0][0])",
        "DEEP_L.count(DEEP_L[0][0])", "DEEP_T.count(DEEP_T[0][0])",
        "reprlib_repr(DEEP_L)", "ascii(DEEP_L)", "print(DEEP_D, file=None)",
        "chain_iter()", "deep_exc()", "deep_partial()", "deep_method()",
        "deep_meta()", "deep_getattr()", "deep_yield_from()",
        "deep_compose()", "deep_instancecheck()", "deep_iter_chain()",
        "deep_reversed()", "deep_property()",
    ])
    return [
        "import reprlib",
        "reprlib_repr = reprlib.repr",
        "def chain_iter():",
        "    x = iter([1])",
        "    for i in range(200000):",
        "        x = %s" % rng.choice(["map(abs, x)", "filter(None, x)",
                                      "zip(x)", "enumerate(x)",
                                      "itertools.chain(x)",
                                      "itertools.islice(x, 5)",
                                      "(y for y in x)", "iter(x)",
                                      "itertools.takewhile(bool, x)",
                                      "itertools.dropwhile(bool, x)",
                                      "itertools.accumulate(x)",
                                      "itertools.starmap(abs, zip(x))",
                                      "itertools.tee(x)[0]",
                                      "itertools.compress(x, x)",
                                      "itertools.pairwise(x)",
                                      "itertools.zip_longest(x)",
                                      "itertools.groupby(x)",
                                      "reversed(list(x)) if False else map(abs, x)",
                                      "itertools.filterfalse(None, x)"]),
        "    return %s" % rng.choice(["next(x)", "list(x)", "sum(x)",
                                      "tuple(x)", "sorted(x)", "max(x)",
                                      "any(x)", "set(x)", "dict(zip(x, x))",
                                      "' '.join(map(str, x))"]),
        "def deep_exc():",
        "    e = None",
        "    for i in range(100000):",
        "        e2 = ValueError(i); e2.__context__ = e; e = e2",
        "    %s" % rng.choice(["raise e", "str(e)", "repr(e)",
                              "__import__('traceback').format_exception(e)",
                              "sys.excepthook(type(e), e, None)"]),
        "def deep_partial():",
        "    f = len",
        "    for i in range(200000):",
        "        f = %s" % rng.choice(["functools.partial(f)",
                                      "functools.partial(lambda f=f: f())",
                                      "staticmethod(f)",
                                      "functools.partial(f.__call__)",
                                      "functools.lru_cache()(f)",
                                      "functools.wraps(f)(lambda: 0)"]),
        "    return %s" % rng.choice(["f([])", "repr(f)", "f()", "hash(f)",
                                      "f == f"]),
        "def deep_method():",
        "    import types",
        "    f = lambda *a: a",
        "    for i in range(200000):",
        "        f = types.MethodType(f, i)",
        "    return %s" % rng.choice(["f()", "repr(f)", "hash(f)",
                                      "f == f", "f.__func__"]),
        "def deep_meta():",
        "    class M(type):",
        "        def __call__(cls, *a): return cls(*a)",
        "    class C(metaclass=M): pass",
        "    return C()",
        "def deep_getattr():",
        "    class A:",
        "        def __getattr__(self, n): return getattr(self, n + 'x')",
        "    return A().y",
        "def deep_yield_from():",
        "    def g0():",
        "        yield 1",
        "    def w(g):",
        "        yield from g",
        "    g = g0()",
        "    for i in range(100000):",
        "        g = w(g)",
        "    return %s" % rng.choice(["next(g)", "g.throw(ValueError)",
                                      "g.close()", "g.send(None)",
                                      "list(g)"]),
        "def deep_compose():",
        "    c = functools.reduce(lambda f, h: (lambda x: f(h(x))),",
        "                         [lambda x: x + 1] * 100000)",
        "    return c(0)",
        "def deep_instancecheck():",
        "    class M(type):",
        "        def __instancecheck__(c, o): return isinstance(o, c)",
        "        def __subclasscheck__(c, o): return issubclass(o, c)",
        "    class B(metaclass=M): pass",
        "    return isinstance(1, B), issubclass(int, B)",
        "def deep_iter_chain():",
        "    class It:",
        "        def __init__(s, inner): s.inner = inner",
        "        def __iter__(s): return iter(s.inner)",
        "    x = [1]",
        "    for i in range(200000):",
        "        x = It(x)",
        "    return list(x)",
        "def deep_reversed():",
        "    class Rv:",
        "        def __init__(s, inner): s.inner = inner",
        "        def __reversed__(s): return reversed(s.inner)",
        "        def __len__(s): return len(s.inner)",
        "    x = [1]",
        "    for i in range(200000):",
        "        x = Rv(x)",
        "    return list(reversed(x)), len(x)",
        "def deep_property():",
        "    p = property(lambda s: 1)",
        "    for i in range(200000):",
        "        p = property(p.__get__)",
        "    class C: pass",
        "    C.p = p",
        "    return C().p",
        "r = %s" % what,
    ]


def sn_dict_evil(rng, g):
    k = rng.choice(["EvilEq()", "StrSub('a')", "IntSub(1)", "Raiser()",
                    "WrongRet()", "KI()", "BadIndex(1)"])
    op = rng.choice(["T[K] = 1", "T[K]", "del T[K]", "K in T", "T.get(K)",
                     "T.pop(K, None)", "T.setdefault(K, 1)",
                     "T.update({K: 1})", "T == {K: 1}", "T | {K: 1}",
                     "T.keys() & {K}", "T.items() ^ {(K, 1)}",
                     "T.keys() <= {K}", "dict.fromkeys([K, K], T)",
                     "{K, K, 1}", "frozenset([K, 1]) == frozenset([1, K])",
                     "[1, K].index(K)", "[K, 1].remove(1)",
                     "[K, K].count(K)", "(K,) == (K,)", "T.copy()[K]"])
    cont = rng.choice(["{1: 1, EvilEq(): 2, 'a': 3}", "{}", "dict.fromkeys(range(8))",
                       "collections.OrderedDict(a=1)",
                       "collections.defaultdict(int, a=1)",
                       "{1, EvilEq(), 'a'}", "SELF_D"])
    return ["global T", "T = %s" % cont, "K = %s" % k, op, op]


def sn_class_evil(rng, g):
    return [
        "class M(type):",
        "    def mro(cls):",
        "        %s" % rng.choice(["return [cls, object]", "return [object]",
                                   "return (cls, 1)", "return 5",
                                   "raise ValueError",
                                   "return type.mro(cls)",
                                   "return [cls, int, object]"]),
        "class A(metaclass=M):",
        "    __slots__ = %s" % rng.choice(["()", "('a',)", "('__dict__',)",
                                          "['a', 'a']", "'abc'", "(1,)",
                                          "('__weakref__',)"]),
        "    def __init_subclass__(cls, **kw):",
        "        %s" % rng.choice(["cls.__bases__ = (object,)",
                                   "pass", "raise TypeError",
                                   "del cls.x"]),
        "class B(A): x = 1",
        "b = B.__new__(B)",
        "%s" % rng.choice(["b.__class__ = A", "B.__bases__ = (object,)",
                           "A.__bases__ = (B,)", "B.__name__ = 'x'",
                           "B.__qualname__ = 5", "del B.__doc__",
                           "B.__dict__['x']", "B.mro()",
                           "type.__setattr__(int, 'x', 1)",
                           "object.__setattr__(b, 'a', 1)",
                           "B.__init_subclass__()", "B.__subclasses__()",
                           "super(B, b).__init__()",
                           "super(A, B).__getattribute__('x')",
                           "type('C', (B, A), {})", "type('C', (B, int), {})",
                           "isinstance(b, (A, (B, (int,) * 5)))"]),
    ]


def sn_exc(rng, g):
    return [
        "try:",
        "    try:",
        "        raise %s" % rng.choice(["ValueError(1)", "StopIteration",
                                         "BaseExceptionGroup('x', [ValueError()])",
                                         "ExceptionGroup('x', [ValueError(), TypeError()])",
                                         "SystemExit(2**100)", "OSError(1, 2, 3, 4, 5)",
                                         "UnicodeDecodeError('utf-8', b'', 5, 2**100, 'r')",
                                         "SyntaxError('x', ('f', 2**100, None, 'l'))"]),
        "    finally:",
        "        %s" % rng.choice(["e = sys.exc_info()[1]; e.__context__ = e",
                                   "sys.exc_info()[1].__traceback__ = None",
                                   "pass", "raise",
                                   "sys.exc_info()[1].with_traceback(5)",
                                   "sys.exc_info()[1].add_note(1)"]),
        "except BaseException as e:",
        "    %s" % rng.choice(["e.__cause__ = e", "e.__context__ = ValueError()",
                               "str(e); repr(e)", "e.args = 5",
                               "e.__traceback__.tb_next", "e.__reduce__()",
                               "e.__setstate__({'x': 1})",
                               "__import__('traceback').format_exc()",
                               "e.split(ValueError) if hasattr(e, 'split') else 0",
                               "copy.copy(e)", "e.__init__(*range(100))"]),
    ]


def sn_format(rng, g):
    v = g.arg()
    spec = rng.choice(["'%s'", "'%d'", "'%*.*f'", "'%(a)s'", "'%c'", "'%x'",
                       "'%#o'", "'%-+ 08.3e'", "'%r%a'", "'%%'", "'%z'",
                       "'%.99999f'", "'%2147483648d'", "'%.*d'"])
    fmt = rng.choice(["'{0!r:^30}'", "'{:,}'", "'{:_x}'", "'{0[0]}'",
                      "'{0.real}'", "'{:%}'", "'{:c}'", "'{:=+#020,.3f}'",
                      "'{:n}'", "'{{}}{}'", "'{0:{0}}'", "'{:{}{}}'",
                      "'{:99999999999999999999}'", "'{!z}'", "'{0[}'"])
    return [
        "try:",
        "    %s %% %s" % (spec, rng.choice([v, "(%s,)" % v, "(%s, %s)" % (v, g.arg()),
                                          "{'a': %s}" % v])),
        "except BaseException: pass",
        "try:",
        "    %s.format(%s, %s)" % (fmt, v, g.arg()),
        "except BaseException: pass",
        "try:",
        "    format(%s, %s)" % (v, rng.choice(["''", "'x'", "'>10'", "'.3'",
                                               "'#b'", "'c'", "'s'", "'d'",
                                               "'e'", "'%'", "',d'"])),
        "except BaseException: pass",
        "b'%%s %%d' %% (%s, %s)" % (v, g.arg()),
    ]


SNIPPETS = [sn_generator_states, sn_del_weakref, sn_mutate_iter,
            sn_sort_mutate, sn_huge, sn_deep, sn_dict_evil, sn_class_evil,
            sn_exc, sn_format]


# }======

# {====== Minimising ======

def split_units(text):
    """Top-level statements of text as line ranges [start, end)."""
    lines = text.splitlines(keepends=True)
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return lines, [(i, i + 1) for i in range(len(lines))]
    units = []
    for node in tree.body:
        start = node.lineno - 1
        if getattr(node, "decorator_list", None):
            start = min(d.lineno for d in node.decorator_list) - 2
        units.append((start, node.end_lineno))
    return lines, units


def minimize(binary, path, timeout, as_limit):
    with open(path) as f:
        text = f.read()
    work = tempfile.mkdtemp(prefix="minipy-min.")
    case = os.path.join(work, "case.py")

    def outcome(src):
        with open(case, "w") as f:
            f.write(src)
        rc, so, se, dt = run_program(binary, case, timeout, as_limit)
        return signature(rc, se)

    want = outcome(text)
    print("target:", want)
    if want[0] == "ok":
        print("nothing to minimise: the program runs fine")
        return
    # Delta debugging over top-level statements, then over lines.
    for level in ("units", "lines"):
        if level == "units":
            lines, units = split_units(text)
        else:
            lines = text.splitlines(keepends=True)
            units = [(i, i + 1) for i in range(len(lines))]
        keep = [True] * len(units)
        chunk = max(1, len(units) // 2)
        while chunk >= 1:
            changed = False
            i = 0
            while i < len(units):
                trial = list(keep)
                for j in range(i, min(i + chunk, len(units))):
                    trial[j] = False
                if trial != keep:
                    drop = set()
                    for j, k in enumerate(trial):
                        if not k:
                            drop.update(range(*units[j]))
                    src = "".join(l for n, l in enumerate(lines)
                                  if n not in drop)
                    try:
                        compile(src, "<min>", "exec")
                        ok = True
                    except (SyntaxError, ValueError, RecursionError,
                            MemoryError):
                        ok = False
                    if ok and outcome(src) == want:
                        keep = trial
                        changed = True
                i += chunk
            if not changed:
                chunk //= 2
        drop = set()
        for j, k in enumerate(keep):
            if not k:
                drop.update(range(*units[j]))
        text = "".join(l for n, l in enumerate(lines) if n not in drop)
        print(level, "->", len(text.splitlines()), "lines")
    out = re.sub(r"\.py$", "", path) + ".min.py"
    with open(out, "w") as f:
        f.write(text)
    shutil.rmtree(work, ignore_errors=True)
    print("wrote", out)


# }======

# {====== Main loop ======

def cpython_outcome(path, timeout):
    try:
        # Limited as minipy is: a program that grows without end must
        # not take the machine's memory.
        r = subprocess.run([sys.executable, os.path.basename(path)],
                           cwd=os.path.dirname(path), capture_output=True,
                           timeout=timeout, stdin=subprocess.DEVNULL,
                           env=dict(os.environ, PYTHONHASHSEED="0"),
                           start_new_session=True,
                           preexec_fn=limit_child(4096 << 20))
        return r.returncode, r.stdout
    except subprocess.TimeoutExpired:
        return None, b""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="programs to run")
    ap.add_argument("--mode", default="both",
                    choices=["both", "mutate", "gen"])
    ap.add_argument("--binary", default=os.path.join(ROOT,
                                                     "build/asan/minipy"))
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--out", default="/tmp/minipy-fuzz")
    ap.add_argument("--compare", action="store_true")
    ap.add_argument("--minimize", metavar="CASE")
    ap.add_argument("--show-gen", action="store_true")
    ap.add_argument("--stmts", type=int, default=40,
                    help="statements per generated program")
    ap.add_argument("--as-limit", type=int, default=None,
                    help="RLIMIT_AS in MiB (default: 4096 unless the "
                         "binary is an ASan build)")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    as_limit = args.as_limit
    if as_limit is None:
        # ASan reserves terabytes of shadow memory: no RLIMIT_AS for it.
        with open(binary, "rb") as f:
            as_limit = 0 if b"__asan_init" in f.read() else 4096
    as_limit = as_limit << 20
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)

    if args.minimize:
        minimize(binary, os.path.abspath(args.minimize), args.timeout,
                 as_limit)
        return 0

    api = discover([binary, sys.executable])
    if args.show_gen:
        print(Generator(api, rng).program(args.stmts), end="")
        return 0

    os.makedirs(args.out, exist_ok=True)
    seeds = collect_seeds() if args.mode in ("both", "mutate") else []
    print("seed %d, %d seed programs, %d API groups, binary %s, %s"
          % (seed, len(seeds), len(api), binary,
             "PID namespace" if have_unshare() else "no PID namespace"),
          flush=True)
    gen = Generator(api, rng)
    counts = {}
    found = {}
    scratch = tempfile.mkdtemp(prefix="minipy-fuzz.")
    t_start = time.monotonic()
    try:
        for i in range(args.n):
            mode = args.mode
            if mode == "both":
                mode = "mutate" if rng.random() < 0.5 else "gen"
            src = mutate_program(seeds, rng) if mode == "mutate" else None
            if src is None:
                mode = "gen"
                src = gen.program(args.stmts)
            d = os.path.join(scratch, "run")
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            path = os.path.join(d, "prog.py")
            with open(path, "w") as f:
                f.write(src)
            rc, so, se, dt = run_program(binary, path, args.timeout,
                                         as_limit)
            kind, sig = signature(rc, se)
            note = ""
            if kind == "hang":
                crc, _ = cpython_outcome(path, args.timeout * 2)
                if crc is None:
                    kind, sig = "hang-both", "hang-both"
            elif args.compare and kind == "ok" and mode == "gen":
                crc, cout = cpython_outcome(path, args.timeout * 2)
                if crc is not None and cout != so:
                    kind = "diff"
                    a = so.decode("utf-8", "replace").splitlines()
                    b = cout.decode("utf-8", "replace").splitlines()
                    for x, y in zip(a, b):
                        if x != y:
                            note = "minipy %r, CPython %r" % (x, y)
                            break
                    else:
                        note = "lengths %d vs %d" % (len(a), len(b))
                    sig = note
            counts[kind] = counts.get(kind, 0) + 1
            if kind in ("hang", "memory", "diff") and counts[kind] <= 30:
                # No signature tells these apart: keep each (up to 30).
                sig = "%s #%d" % (sig, counts[kind])
            if kind not in ("ok", "hang-both") and not kind.startswith(
                    "exit-"):
                key = (kind, sig)
                if key not in found:
                    h = hashlib.sha1(repr(key).encode()).hexdigest()[:8]
                    name = "%s-%s" % (kind, h)
                    found[key] = name
                    shutil.copy(path, os.path.join(args.out, name + ".py"))
                    # The statement a generated program was in: the
                    # one after the last outcome printed (flushed).
                    last = so.rstrip().rsplit(b"\n", 1)[-1].split(b" ")[0]
                    at = ("after statement %s" % last.decode("ascii",
                                                              "replace")
                          if mode == "gen" and last.isdigit() else "")
                    with open(os.path.join(args.out, name + ".log"),
                              "wb") as f:
                        f.write(("# %s  %s\n# rc=%s mode=%s %.1fs %s\n"
                                 % (kind, sig, rc, mode, dt, at)).encode())
                        f.write(se[-20000:])
                    print("[%d] NEW %s: %s (%s)" % (i, name, sig, mode),
                          flush=True)
            if (i + 1) % 100 == 0:
                print("[%d] %.0fs %s" % (i + 1, time.monotonic() - t_start,
                                         counts), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("ran %d programs: %s; %d distinct findings in %s"
          % (sum(counts.values()), counts, len(found), args.out))
    return 1 if any(k[0] not in ("diff", "memory", "systemerror")
                    for k in found) else 0


if __name__ == "__main__":
    sys.exit(main())
