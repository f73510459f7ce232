"""Printing and formatting exceptions and stacks, as CPython's traceback.

The exception printers (print_exc, format_exception, print_tb, ...) use
the interpreter's own printer through the _traceback module, so that what
they print is exactly what an uncaught exception prints, markers
included.  Stack extraction (extract_tb, extract_stack) gives
FrameSummary objects built from frames and linecache.

Deliberate differences from CPython: format_exception() and format_tb()
return one string per traceback entry and per line of the rest, which
join to CPython's text; TracebackException supports the common subset
(from_exception, format, format_exception_only, stack, exc_type, and the
chained __cause__ / __context__).
"""

import sys
import linecache
import _traceback

__all__ = [
    "extract_stack", "extract_tb", "format_exception",
    "format_exception_only", "format_list", "format_stack", "format_tb",
    "print_exc", "format_exc", "print_exception", "print_last",
    "print_stack", "print_tb", "clear_frames", "FrameSummary",
    "StackSummary", "TracebackException", "walk_stack", "walk_tb",
]

_sentinel = object()


def _exception_of(exc, value, tb):
    """The exception instance of the (exc) or (type, value, tb) forms."""
    if value is _sentinel and tb is _sentinel:
        return exc
    if value is _sentinel:
        value = None
    if value is None:
        return None
    if tb is not _sentinel and tb is not None and value.__traceback__ is None:
        value.__traceback__ = tb
    return value


def _chunks(text):
    """Split the printer's text the way CPython's lists are made: an entry
    (its "File" line and the indented lines under it) is one string, a
    chaining banner is one string, every other line one string."""
    out = []
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("  File "):
            j = i + 1
            while j < len(lines) and lines[j].startswith("    "):
                j += 1
            out.append("".join(lines[i:j]))
            i = j
        elif (line == "\n" and i + 2 < len(lines) and lines[i + 2] == "\n"
              and (lines[i + 1].startswith("During handling")
                   or lines[i + 1].startswith("The above exception"))):
            out.append("".join(lines[i:i + 3]))
            i += 3
        else:
            out.append(line)
            i += 1
    return out


def _write(lines, file):
    if file is None:
        file = sys.stderr
    for line in lines:
        file.write(line)


# {====== Exceptions ======

def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """The lines print_exception would print, as a list of str."""
    e = _exception_of(exc, value, tb)
    if e is None:
        return ["NoneType: None\n"]
    return _chunks(_traceback.format_exception(e, chain, limit))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print exc (or the type, value, tb triple) as the interpreter does."""
    _write(format_exception(exc, value, tb, limit=limit, chain=chain), file)


def format_exception_only(exc, /, value=_sentinel):
    """The last line(s): "Type: message"."""
    e = exc if value is _sentinel else value
    if e is None:
        return ["NoneType: None\n"]
    return _chunks(_traceback.format_exception_only(e))


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted as one str."""
    return "".join(format_exception(sys.exception(), limit=limit,
                                    chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Print sys.last_value, the last uncaught exception (REPL)."""
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def format_tb(tb, limit=None):
    """The entries of a traceback, one str each."""
    return _chunks(_traceback.format_tb(tb, limit))


def print_tb(tb, limit=None, file=None):
    """Print the entries of a traceback."""
    _write(format_tb(tb, limit), file)
# }======


# {====== Stack summaries ======

class FrameSummary:
    """One entry of a stack: filename, lineno, name and the source line."""

    __slots__ = ("filename", "lineno", "name", "_line", "locals",
                 "end_lineno", "colno", "end_colno")

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = ({k: repr(v) for k, v in locals.items()}
                       if locals else None)
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename
                    and self.lineno == other.lineno
                    and self.name == other.name
                    and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name,
                    self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>" \
            .format(filename=self.filename, lineno=self.lineno,
                    name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """(frame, lineno) from f (default: the caller's caller) outwards."""
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """(frame, lineno) for each entry of a traceback, outermost first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


class StackSummary(list):
    """A list of FrameSummary, with format()."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        entries = list(frame_gen)
        if limit is not None:
            entries = entries[:limit] if limit >= 0 else entries[limit:]
        result = klass()
        for f, lineno in entries:
            co = f.f_code
            result.append(FrameSummary(
                co.co_filename, lineno, co.co_name,
                lookup_line=lookup_lines,
                locals=f.f_locals if capture_locals else None))
        return result

    @classmethod
    def from_list(klass, a_list):
        result = klass()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name,
                                           line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno,
            frame_summary.name)]
        if frame_summary.line:
            row.append("    {}\n".format(frame_summary.line))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append("    {name} = {value}\n".format(name=name,
                                                          value=value))
        return "".join(row)

    def format(self):
        result = []
        last = None
        count = 0
        for fs in self:
            key = (fs.filename, fs.lineno, fs.name)
            if key != last:
                if count > 3:
                    n = count - 3
                    result.append("  [Previous line repeated {} more "
                                  "time{}]\n".format(n, "s" if n > 1 else ""))
                last = key
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(self.format_frame_summary(fs))
        if count > 3:
            n = count - 3
            result.append("  [Previous line repeated {} more time{}]\n"
                          .format(n, "s" if n > 1 else ""))
        return result


def extract_tb(tb, limit=None):
    """The entries of a traceback as a StackSummary."""
    return StackSummary.extract(walk_tb(tb), limit=limit)


def extract_stack(f=None, limit=None):
    """The caller's stack (outermost first) as a StackSummary."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_list(extracted_list):
    """The lines for a list of FrameSummary or 4-tuples."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    _write(format_list(extracted_list), file)


def format_stack(f=None, limit=None):
    """The caller's stack, formatted."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    """Print the caller's stack."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    """Kept for compatibility: frames hold no extra state here."""
    while tb is not None:
        tb = tb.tb_next
# }======


class TracebackException:
    """An exception captured for later formatting."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 _seen=None):
        self._exc = exc_value
        self._limit = limit
        self.exc_type = exc_type
        self.stack = StackSummary.extract(walk_tb(exc_traceback),
                                          limit=limit,
                                          lookup_lines=lookup_lines,
                                          capture_locals=capture_locals)
        self._str = str(exc_value) if exc_value is not None else ""
        seen = _seen if _seen is not None else set()
        seen.add(id(exc_value))
        self.__cause__ = self.__context__ = None
        self.__suppress_context__ = (exc_value.__suppress_context__
                                     if exc_value is not None else False)
        for attr in ("__cause__", "__context__"):
            other = getattr(exc_value, attr, None)
            if other is not None and id(other) not in seen:
                setattr(self, attr, TracebackException(
                    type(other), other, other.__traceback__, limit=limit,
                    lookup_lines=lookup_lines,
                    capture_locals=capture_locals, _seen=seen))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self._exc is None:
            yield "NoneType: None\n"
            return
        yield from format_exception_only(self._exc)

    def format(self, *, chain=True):
        if self._exc is None:
            yield "NoneType: None\n"
            return
        yield from format_exception(self._exc, limit=self._limit,
                                    chain=chain)
