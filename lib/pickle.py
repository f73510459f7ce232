"""pickle: turn objects into a byte stream and back.

A pickle is a small program for a stack machine.  Each opcode is one byte,
followed by its argument (fixed-size little-endian integers, or a line of
text in the old protocols).  Loading runs the program: values are pushed on
a stack, MARK remembers a stack height so that TUPLE/APPENDS/SETITEMS can
take "everything above the mark", and a memo (index -> object) lets a
value that occurs twice -- or contains itself -- be written once and
fetched again with GET.

Writing is a walk over the object graph:

    save(obj)
      None/bool/int/float         written inline, never memoized
      already in the memo         GET index
      str/bytes/tuple/list/dict/  a dedicated opcode sequence, then PUT
      set/frozenset/bytearray     (MEMOIZE in protocol 4+)
      class, function             GLOBAL / STACK_GLOBAL by qualified name
      anything else               reduced: dispatch_table, __reduce_ex__,
                                  __reduce__ -> (callable, args, state,
                                  listitems, dictitems, state_setter),
                                  written as NEWOBJ[_EX] or REDUCE, then
                                  BUILD with the state

Protocol 4 groups opcodes into frames (FRAME + 8-byte length) of at least
64 KiB so that a reader can fetch a whole frame at once; a frame smaller
than 4 bytes is written without its header, and a payload of 64 KiB or
more is written outside any frame.  The byte sequences chosen here are
those of CPython 3.11's C pickler (_pickle.c), including its batching:
an exact list is written in batches of 1000 with APPENDS (one element:
APPEND), an exact dict or set batches with a loop that writes a trailing
empty batch when the size is a multiple of 1000.

The format is described by the pickletools documentation and PEPs 307,
3154 and 574; this file is minipy's own implementation of it.

Read first: _Pickler.save, _Unpickler.load
"""

import sys
from io import BytesIO
import copyreg
from copyreg import dispatch_table

__all__ = ['PickleError', 'PicklingError', 'UnpicklingError', 'Pickler',
           'Unpickler', 'dump', 'dumps', 'load', 'loads',
           'HIGHEST_PROTOCOL', 'DEFAULT_PROTOCOL']

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]


# {====== Exceptions ======
#
# CPython's pickle module re-exports these from its C accelerator, so they
# print as _pickle.PicklingError; ours do the same.

class PickleError(Exception):
    __module__ = '_pickle'


class PicklingError(PickleError):
    __module__ = '_pickle'


class UnpicklingError(PickleError):
    __module__ = '_pickle'




class _Stop(Exception):
    def __init__(self, value):
        self.value = value

# }======


# {====== Opcodes ======

MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
# protocol 2
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
# protocol 3
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
# protocol 4
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
# protocol 5
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_tuplesize2code = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]

_BATCHSIZE = 1000           # items per APPENDS/SETITEMS/ADDITEMS batch
_FRAME_SIZE_MIN = 4         # smaller frames are written without header
_FRAME_SIZE_TARGET = 64 * 1024

# }======


# {====== Fixed-size integers and doubles ======

def _u8(n):
    return n.to_bytes(8, 'little')


def _u4(n):
    return n.to_bytes(4, 'little')


def encode_long(x):
    """Two's complement little-endian bytes of x, as short as possible
    (b'' for 0): the argument of LONG1/LONG4."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, 'little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


def _double_bits(x):
    """The IEEE 754 binary64 bit pattern of float x, as an int."""
    if x != x:
        return 0x7ff8000000000000
    h = x.hex()                 # [-]0x1.hhhhhhhhhhhhhp[+-]e, or inf
    sign = 0
    if h[0] == '-':
        sign = 1 << 63
        h = h[1:]
    if h == 'inf':
        return sign | 0x7ff0000000000000
    mant, _, exp = h[2:].partition('p')
    lead, _, frac = mant.partition('.')
    frac = int((frac + '0' * 13)[:13], 16)
    exp = int(exp)
    if lead == '0':
        if frac == 0:
            return sign     # +-0.0
        return sign | frac  # subnormal: hex() prints 0x0.xxxp-1022
    return sign | ((exp + 1023) << 52) | frac


def _bits_double(bits):
    sign = '-' if bits >> 63 else ''
    exp = (bits >> 52) & 0x7ff
    frac = bits & 0xfffffffffffff
    if exp == 0x7ff:
        return float(sign + ('nan' if frac else 'inf'))
    if exp == 0:
        return float.fromhex('%s0x0.%013xp-1022' % (sign, frac))
    return float.fromhex('%s0x1.%013xp%d' % (sign, frac, exp - 1023))


def _pack_double(x):
    return _double_bits(x).to_bytes(8, 'big')


def _unpack_double(data):
    return _bits_double(int.from_bytes(data, 'big'))

# }======


# {====== Names of globals ======

def _getattribute(obj, name):
    """Follow the dotted name from obj; returns (value, parent)."""
    parent = None
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}"
                                 .format(name, obj))
        parent = obj
        obj = getattr(obj, subpath)
    return obj, parent


def whichmodule(obj, name):
    """The name of the module that holds obj under the dotted name."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if (module_name == '__main__' or module_name == '__mp_main__'
                or module is None):
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'

# }======


# {====== Pickler ======

class _Framer:
    """Output buffer.  In protocol 4+ the bytes written since the last
    commit form the current frame; commit() closes it with its header."""

    def __init__(self, file_write):
        self.file_write = file_write
        self.current = None     # bytearray of the open frame, or None
        self.framing = False

    def start_framing(self):
        self.current = bytearray()
        self.framing = True

    def end_framing(self):
        self.commit(True)
        self.current = None
        self.framing = False

    def commit(self, force=False):
        f = self.current
        if f is not None and (force or len(f) >= _FRAME_SIZE_TARGET):
            if len(f) >= _FRAME_SIZE_MIN:
                self.file_write(FRAME + _u8(len(f)))
            if f:
                self.file_write(bytes(f))
            self.current = bytearray()

    def write(self, data):
        f = self.current
        if f is not None:
            f += data
        else:
            self.file_write(data)

    def write_large(self, header, payload):
        """A big payload goes outside any frame (PEP 3154)."""
        if self.current is not None:
            self.commit(True)
        self.file_write(header)
        self.file_write(payload)


class _Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True,
                 buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d"
                             % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self._buffer_callback = buffer_callback
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self.memo = {}
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3
        self.framer = None

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        """Write the pickle of obj to the file."""
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by "
                                "%s.__init__()" % type(self).__name__)
        framer = _Framer(self._file_write)
        self.framer = framer
        self.write = framer.write
        if self.proto >= 2:
            self.write(PROTO + bytes([self.proto]))
        if self.proto >= 4:
            framer.start_framing()
        self.save(obj)
        self.write(STOP)
        framer.end_framing()
        self.framer = None

    # -- memo --

    def memoize(self, obj):
        if self.fast:
            return
        idx = len(self.memo)
        if self.proto >= 4:
            self.write(MEMOIZE)
        elif self.bin:
            if idx < 256:
                self.write(BINPUT + bytes([idx]))
            else:
                self.write(LONG_BINPUT + _u4(idx))
        else:
            self.write(PUT + repr(idx).encode('ascii') + b'\n')
        self.memo[id(obj)] = idx, obj

    def get(self, idx):
        if self.bin:
            if idx < 256:
                return BINGET + bytes([idx])
            return LONG_BINGET + _u4(idx)
        return GET + repr(idx).encode('ascii') + b'\n'

    # -- the walk --

    def save(self, obj, save_persistent_id=True):
        if self.framer.current is not None:
            self.framer.commit()

        if save_persistent_id:
            pid = self.persistent_id(obj)
            if pid is not None:
                self.save_pers(pid)
                return

        t = type(obj)
        if obj is None:
            self.write(NONE)
            return
        if t is bool:
            self.save_bool(obj)
            return
        if t is int:
            self.save_long(obj)
            return
        if t is float:
            self.save_float(obj)
            return

        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return

        f = self._dispatch.get(t)
        if f is not None:
            f(self, obj)
            return

        reduce = getattr(self, 'reducer_override', None)
        rv = NotImplemented
        if reduce is not None:
            rv = reduce(obj)
        if rv is NotImplemented:
            if t is type:
                self.save_type(obj)
                return
            if t is _FunctionType:
                self.save_global(obj)
                return
            table = getattr(self, 'dispatch_table', None)
            if table is None:
                reduce = dispatch_table.get(t)
            else:
                try:
                    reduce = table[t]
                except KeyError:
                    reduce = None
            if reduce is not None:
                rv = reduce(obj)
            elif issubclass(t, type):
                self.save_global(obj)
                return
            else:
                reduce = getattr(obj, "__reduce_ex__", None)
                if reduce is not None:
                    rv = reduce(self.proto)
                else:
                    reduce = getattr(obj, "__reduce__", None)
                    if reduce is None:
                        raise PicklingError("Can't pickle %r object: %r"
                                            % (t.__name__, obj))
                    rv = reduce()

        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        if not 2 <= len(rv) <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain "
                                "2 through 6 elements")
        self.save_reduce(*rv, obj=obj, _nargs=len(rv))

    def persistent_id(self, obj):
        return None

    def save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
        else:
            try:
                self.write(PERSID + str(pid).encode("ascii") + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("persistent IDs in protocol 0 must be "
                                    "ASCII strings")

    def save_reduce(self, func=None, args=None, state=None, listitems=None,
                    dictitems=None, state_setter=None, *, obj=None,
                    _nargs=2):
        if not 2 <= _nargs <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain "
                                "2 through 6 elements")
        if not callable(func):
            raise PicklingError("first item of the tuple returned by "
                                "__reduce__ must be callable")
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by "
                                "__reduce__ must be a tuple")
        if listitems is not None and not _is_iterator(listitems):
            raise PicklingError("fourth element of the tuple returned by "
                                "__reduce__ must be an iterator, not %s"
                                % type(listitems).__name__)
        if dictitems is not None and not _is_iterator(dictitems):
            raise PicklingError("fifth element of the tuple returned by "
                                "__reduce__ must be an iterator, not %s"
                                % type(dictitems).__name__)
        if state_setter is not None and not callable(state_setter):
            raise PicklingError("sixth element of the tuple returned by "
                                "__reduce__ must be a function, not %s"
                                % type(state_setter).__name__)
        save = self.save
        write = self.write

        func_name = None
        if self.proto >= 2:
            func_name = getattr(func, "__name__", None)
            if not isinstance(func_name, str):
                func_name = None
        if func_name == "__newobj_ex__":
            if len(args) != 3:
                raise PicklingError("length of the NEWOBJ_EX argument tuple "
                                    "must be exactly 3, not %d" % len(args))
            cls, args, kwargs = args
            if not isinstance(cls, type):
                raise PicklingError("first item from NEWOBJ_EX argument "
                                    "tuple must be a class, not %s"
                                    % type(cls).__name__)
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("first item from NEWOBJ_EX argument "
                                    "tuple must be the same class as the "
                                    "pickled object")
            if not isinstance(args, tuple):
                raise PicklingError("second item from NEWOBJ_EX argument "
                                    "tuple must be a tuple, not %s"
                                    % type(args).__name__)
            if not isinstance(kwargs, dict):
                raise PicklingError("third item from NEWOBJ_EX argument "
                                    "tuple must be a dict, not %s"
                                    % type(kwargs).__name__)
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                from functools import partial
                save(partial(cls.__new__, cls, *args, **kwargs))
                save(())
                write(REDUCE)
        elif func_name == "__newobj__":
            if len(args) < 1:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not isinstance(cls, type):
                raise PicklingError("args[0] from __newobj__ args is not "
                                    "a type")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the "
                                    "wrong class")
            save(cls)
            save(args[1:])
            write(NEWOBJ)
        else:
            save(func)
            save(args)
            write(REDUCE)

        if obj is not None:
            # Already memoized: obj refers to itself through its reduce
            # value.  Drop what was built and fetch the first copy.
            x = self.memo.get(id(obj))
            if x is not None:
                write(POP + self.get(x[0]))
                return
            self.memoize(obj)

        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # -- atoms --

    def save_bool(self, obj):
        if self.proto >= 2:
            self.write(NEWTRUE if obj else NEWFALSE)
        else:
            self.write(TRUE if obj else FALSE)

    def save_long(self, obj):
        if self.bin:
            if obj >= 0:
                if obj <= 0xff:
                    self.write(BININT1 + bytes([obj]))
                    return
                if obj <= 0xffff:
                    self.write(BININT2 + obj.to_bytes(2, 'little'))
                    return
            if -0x80000000 <= obj <= 0x7fffffff:
                self.write(BININT + obj.to_bytes(4, 'little', signed=True))
                return
        if self.proto >= 2:
            data = encode_long(obj)
            n = len(data)
            if n < 256:
                self.write(LONG1 + bytes([n]) + data)
            else:
                self.write(LONG4 + n.to_bytes(4, 'little', signed=True)
                           + data)
            return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(INT + repr(obj).encode('ascii') + b'\n')
        else:
            self.write(LONG + repr(obj).encode('ascii') + b'L\n')

    def save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + _pack_double(obj))
        else:
            self.write(FLOAT + repr(obj).encode('ascii') + b'\n')

    def _write_sized(self, short, small, big, header_len, data):
        n = len(data)
        if short is not None and n < 256:
            header = short + bytes([n])
        elif n > 0xffffffff and big is not None:
            header = big + _u8(n)
        else:
            header = small + _u4(n)
        if n >= _FRAME_SIZE_TARGET:
            self.framer.write_large(header, data)
        else:
            self.write(header + data)

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode(),
                                 (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        n = len(obj)
        if n > 0xffffffff and self.proto < 4:
            raise PicklingError("cannot serialize a bytes object larger "
                                "than 4 GiB")
        self._write_sized(SHORT_BINBYTES, BINBYTES,
                          BINBYTES8 if self.proto >= 4 else None, 0, obj)
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            # no opcode: bytearray(bytes), whatever __reduce_ex__ says
            if obj:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            else:
                self.save_reduce(bytearray, (), obj=obj)
            return
        n = len(obj)
        header = BYTEARRAY8 + _u8(n)
        if n >= _FRAME_SIZE_TARGET:
            self.framer.write_large(header, bytes(obj))
        else:
            self.write(header + bytes(obj))
        self.memoize(obj)

    def save_str(self, obj):
        if self.bin:
            data = obj.encode('utf-8', 'surrogatepass')
            if self.proto >= 4:
                self._write_sized(SHORT_BINUNICODE, BINUNICODE,
                                  BINUNICODE8, 0, data)
            else:
                if len(data) > 0xffffffff:
                    raise PicklingError("cannot serialize a string larger "
                                        "than 4GiB")
                self._write_sized(None, BINUNICODE, None, 0, data)
        else:
            self.write(UNICODE + _raw_unicode_escape(obj) + b'\n')
        self.memoize(obj)

    # -- containers --

    def save_tuple(self, obj):
        write = self.write
        n = len(obj)
        if not n:
            if self.bin:
                write(EMPTY_TUPLE)
            else:
                write(MARK + TUPLE)
            return
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for element in obj:
                save(element)
            x = memo.get(id(obj))
            if x is not None:
                # the tuple contains itself (through a list, say): the
                # elements just written are discarded
                write(POP * n + self.get(x[0]))
            else:
                write(_tuplesize2code[n])
                self.memoize(obj)
            return
        write(MARK)
        for element in obj:
            save(element)
        x = memo.get(id(obj))
        if x is not None:
            if self.bin:
                write(POP_MARK + self.get(x[0]))
            else:
                write(POP * (n + 1) + self.get(x[0]))
            return
        write(TUPLE)
        self.memoize(obj)

    def save_list(self, obj):
        if self.bin:
            self.write(EMPTY_LIST)
        else:
            self.write(MARK + LIST)
        self.memoize(obj)
        if self.bin:
            self._batch_list_exact(obj)
        else:
            self._batch_appends(iter(obj))

    def _batch_list_exact(self, obj):
        save = self.save
        write = self.write
        if not obj:
            return
        if len(obj) == 1:
            save(obj[0])
            write(APPEND)
            return
        total = 0
        while True:
            write(MARK)
            this_batch = 0
            while total < len(obj):
                save(obj[total])
                total += 1
                this_batch += 1
                if this_batch == _BATCHSIZE:
                    break
            write(APPENDS)
            if total >= len(obj):
                break

    def _batch_appends(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for x in items:
                save(x)
                write(APPEND)
            return
        while True:
            batch = []
            for x in items:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                write(MARK)
                for x in batch:
                    save(x)
                write(APPENDS)
            elif n:
                save(batch[0])
                write(APPEND)
            if n < _BATCHSIZE:
                return

    def save_dict(self, obj):
        if self.bin:
            self.write(EMPTY_DICT)
        else:
            self.write(MARK + DICT)
        self.memoize(obj)
        if not obj:
            return
        if self.bin:
            self._batch_dict_exact(obj)
        else:
            self._batch_setitems(iter(obj.items()))

    def _batch_dict_exact(self, obj):
        save = self.save
        write = self.write
        size = len(obj)
        if size == 1:
            for k, v in obj.items():
                save(k)
                save(v)
            write(SETITEM)
            return
        it = iter(obj.items())
        while True:
            write(MARK)
            i = 0
            for k, v in it:
                save(k)
                save(v)
                i += 1
                if i == _BATCHSIZE:
                    break
            write(SETITEMS)
            if len(obj) != size:
                raise RuntimeError("dictionary changed size during "
                                   "iteration")
            if i != _BATCHSIZE:
                return

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for k, v in items:
                save(k)
                save(v)
                write(SETITEM)
            return
        while True:
            batch = []
            for item in items:
                if not isinstance(item, tuple) or len(item) != 2:
                    raise TypeError("dict items iterator must return "
                                    "2-tuples")
                batch.append(item)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                write(MARK)
                for k, v in batch:
                    save(k)
                    save(v)
                write(SETITEMS)
            elif n:
                k, v = batch[0]
                save(k)
                save(v)
                write(SETITEM)
            if n < _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        save = self.save
        write = self.write
        write(EMPTY_SET)
        self.memoize(obj)
        size = len(obj)
        if not size:
            return
        it = iter(obj)
        while True:
            write(MARK)
            i = 0
            for item in it:
                save(item)
                i += 1
                if i == _BATCHSIZE:
                    break
            write(ADDITEMS)
            if len(obj) != size:
                raise RuntimeError("set changed size during iteration")
            if i != _BATCHSIZE:
                return

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        write = self.write
        write(MARK)
        for item in obj:
            self.save(item)
        x = self.memo.get(id(obj))
        if x is not None:
            write(POP_MARK + self.get(x[0]))
            return
        write(FROZENSET)
        self.memoize(obj)

    # -- globals --

    def save_global(self, obj, name=None):
        write = self.write
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        dotted = name.split('.')
        if '<locals>' in dotted:
            raise AttributeError("Can't pickle local object %r" % name)
        module_name = whichmodule(obj, name)
        try:
            __import__(module_name, level=0)
            module = sys.modules[module_name]
        except Exception:
            raise PicklingError("Can't pickle %r: import of module %r "
                                "failed" % (obj, module_name)) from None
        try:
            obj2, parent = _getattribute(module, name)
        except AttributeError:
            raise PicklingError("Can't pickle %r: attribute lookup %s on "
                                "%s failed" % (obj, name, module_name)) \
                from None
        if obj2 is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object "
                                "as %s.%s" % (obj, module_name, name))
        lastname = dotted[-1]

        if self.proto >= 2:
            code = copyreg._extension_registry.get((module_name, name))
            if code:
                if code <= 0xff:
                    write(EXT1 + bytes([code]))
                elif code <= 0xffff:
                    write(EXT2 + code.to_bytes(2, 'little'))
                else:
                    write(EXT4 + code.to_bytes(4, 'little', signed=True))
                return
        if parent is module:
            name = lastname
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            write(STACK_GLOBAL)
        elif parent is not module:
            self.save_reduce(getattr, (parent, lastname))
        else:
            if self.fix_imports:
                import _compat_pickle
                r_name_mapping = _compat_pickle.REVERSE_NAME_MAPPING
                r_import_mapping = _compat_pickle.REVERSE_IMPORT_MAPPING
                if (module_name, name) in r_name_mapping:
                    module_name, name = r_name_mapping[(module_name, name)]
                elif module_name in r_import_mapping:
                    module_name = r_import_mapping[module_name]
            try:
                m = module_name.encode('ascii')
            except UnicodeEncodeError:
                raise PicklingError("can't pickle module identifier %r "
                                    "using pickle protocol %i"
                                    % (module_name, self.proto)) from None
            try:
                n = name.encode('ascii')
            except UnicodeEncodeError:
                if self.proto < 3:
                    raise PicklingError("can't pickle global identifier %r "
                                        "using pickle protocol %i"
                                        % (name, self.proto)) from None
                n = name.encode('utf-8')
            write(GLOBAL + m + b'\n' + n + b'\n')
        self.memoize(obj)

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        elif obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        elif obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)

    _dispatch = {}


def _is_iterator(x):
    return hasattr(type(x), '__next__')


def _func():
    pass


_FunctionType = type(_func)


def _codecs_encode():
    import _codecs
    return _codecs.encode


def _raw_unicode_escape(s):
    """Protocol 0's UNICODE argument: latin-1 with \\uXXXX escapes, and
    the characters that would break the line escaped as well."""
    out = []
    for ch in s:
        c = ord(ch)
        if c > 0xffff:
            out.append('\\U%08x' % c)
        elif c > 0xff or ch in '\\\n\r\x00\x1a':
            out.append('\\u%04x' % c)
        else:
            out.append(ch)
    return ''.join(out).encode('latin-1')


_Pickler._dispatch = {
    str: _Pickler.save_str,
    bytes: _Pickler.save_bytes,
    bytearray: _Pickler.save_bytearray,
    tuple: _Pickler.save_tuple,
    list: _Pickler.save_list,
    dict: _Pickler.save_dict,
    set: _Pickler.save_set,
    frozenset: _Pickler.save_frozenset,
}

# }======


# {====== Unpickler ======

class _Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding="ASCII",
                 errors="strict", buffers=None):
        self._buffers = iter(buffers) if buffers is not None else None
        self._file_readline = file.readline
        self._file_read = file.read
        self._file_readinto = getattr(file, 'readinto', None)
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    # -- reading, through the current frame if there is one --

    def _read(self, n):
        f = self._frame
        if f is not None:
            pos = self._fpos
            end = pos + n
            if end <= len(f):
                self._fpos = end
                return f[pos:end]
            if pos < len(f):
                raise UnpicklingError("pickle exhausted before end of frame")
            self._frame = None
        data = self._file_read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def _readline(self):
        f = self._frame
        if f is not None:
            pos = self._fpos
            i = f.find(b'\n', pos)
            if i >= 0:
                self._fpos = i + 1
                return f[pos:i + 1]
            if pos < len(f):
                raise UnpicklingError("pickle exhausted before end of frame")
            self._frame = None
        data = self._file_readline()
        if not data.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return data

    def load(self):
        """Run the pickle program; returns the object it builds."""
        if not hasattr(self, "_file_read"):
            raise UnpicklingError("Unpickler.__init__() was not called by "
                                  "%s.__init__()" % type(self).__name__)
        self._frame = None
        self._fpos = 0
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        self.proto = 0
        dispatch = self._dispatch
        try:
            while True:
                f = self._frame
                if f is not None and self._fpos < len(f):
                    key = f[self._fpos]
                    self._fpos += 1
                else:
                    if f is not None:
                        self._frame = None
                    b = self._file_read(1)
                    if not b:
                        raise EOFError("Ran out of input")
                    key = b[0]
                op = dispatch[key]
                if op is None:
                    if 0x20 <= key < 0x7f:
                        raise UnpicklingError("invalid load key, '%s'."
                                              % chr(key))
                    raise UnpicklingError("invalid load key, '\\x%02x'."
                                          % key)
                op(self)
        except _Stop as stopinst:
            return stopinst.value

    # -- the stack --

    def pop_mark(self):
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def _pop(self):
        if not self.stack:
            raise UnpicklingError("unpickling stack underflow")
        return self.stack.pop()

    def _top(self):
        if not self.stack:
            raise UnpicklingError("unpickling stack underflow")
        return self.stack[-1]

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was "
                              "encountered,\nbut no persistent_load "
                              "function was specified.")

    def find_class(self, module, name):
        audit = getattr(sys, 'audit', None)
        if audit is not None:
            audit('pickle.find_class', module, name)
        if self.proto < 3 and self.fix_imports:
            import _compat_pickle
            if (module, name) in _compat_pickle.NAME_MAPPING:
                module, name = _compat_pickle.NAME_MAPPING[(module, name)]
            elif module in _compat_pickle.IMPORT_MAPPING:
                module = _compat_pickle.IMPORT_MAPPING[module]
        __import__(module, level=0)
        mod = sys.modules[module]
        try:
            if self.proto >= 4:
                return _getattribute(mod, name)[0]
            return getattr(mod, name)
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %r"
                                 % (name, mod)) from None

    # -- opcodes --

    def load_proto(self):
        proto = self._read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    def load_frame(self):
        size = int.from_bytes(self._read(8), 'little')
        if size > sys.maxsize:
            raise ValueError("frame size > sys.maxsize: %d" % size)
        f = self._frame
        if f is not None and self._fpos < len(f):
            raise UnpicklingError("beginning of a new frame before end of "
                                  "current frame")
        self._frame = None
        data = self._file_read(size)
        if len(data) < size:
            raise UnpicklingError("pickle data was truncated")
        self._frame = data
        self._fpos = 0

    def load_persid(self):
        try:
            pid = self._readline()[:-1].decode("ascii")
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be "
                                  "ASCII strings")
        self.append(self.persistent_load(pid))

    def load_binpersid(self):
        if type(self).persistent_load is _Unpickler.persistent_load and \
                'persistent_load' not in self.__dict__:
            self.persistent_load(None)      # raises: no persistent_load
        pid = self._pop()
        self.append(self.persistent_load(pid))

    def load_none(self):
        self.append(None)

    def load_false(self):
        self.append(False)

    def load_true(self):
        self.append(True)

    def load_int(self):
        data = self._readline()
        if data == b'I00\n'[1:]:
            val = False
        elif data == b'I01\n'[1:]:
            val = True
        else:
            try:
                val = int(data)
            except ValueError:
                raise ValueError("could not convert string to int") from None
        self.append(val)

    def load_binint(self):
        self.append(int.from_bytes(self._read(4), 'little', signed=True))

    def load_binint1(self):
        self.append(self._read(1)[0])

    def load_binint2(self):
        self.append(int.from_bytes(self._read(2), 'little'))

    def load_long(self):
        val = self._readline()[:-1]
        if val and val[-1:] == b'L':
            val = val[:-1]
        self.append(int(val))

    def load_long1(self):
        n = self._read(1)[0]
        self.append(decode_long(self._read(n)))

    def load_long4(self):
        n = int.from_bytes(self._read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.append(decode_long(self._read(n)))

    def load_float(self):
        self.append(float(self._readline()[:-1]))

    def load_binfloat(self):
        self.append(_unpack_double(self._read(8)))

    def _decode_string(self, value):
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self._readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be "
                                  "quoted")
        self.append(self._decode_string(_escape_decode(data)))

    def load_binstring(self):
        n = int.from_bytes(self._read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte "
                                  "count")
        self.append(self._decode_string(self._read(n)))

    def load_short_binstring(self):
        n = self._read(1)[0]
        self.append(self._decode_string(self._read(n)))

    def load_binbytes(self):
        n = int.from_bytes(self._read(4), 'little')
        self.append(bytes(self._read(n)))

    def load_short_binbytes(self):
        n = self._read(1)[0]
        self.append(bytes(self._read(n)))

    def load_binbytes8(self):
        n = int.from_bytes(self._read(8), 'little')
        if n > sys.maxsize:
            raise UnpicklingError("BINBYTES8 exceeds system's maximum size "
                                  "of %d bytes" % sys.maxsize)
        self.append(bytes(self._read(n)))

    def load_bytearray8(self):
        n = int.from_bytes(self._read(8), 'little')
        if n > sys.maxsize:
            raise UnpicklingError("BYTEARRAY8 exceeds system's maximum size "
                                  "of %d bytes" % sys.maxsize)
        self.append(bytearray(self._read(n)))

    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data "
                                  "but no *buffers* argument was given")
        try:
            buf = next(self._buffers)
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers")
        self.append(buf)

    def load_readonly_buffer(self):
        buf = self._top()
        try:
            m = memoryview(buf)
        except TypeError:
            return
        if not m.readonly:
            self.stack[-1] = m.toreadonly()

    def load_unicode(self):
        self.append(_raw_unicode_unescape(self._readline()[:-1]))

    def load_binunicode(self):
        n = int.from_bytes(self._read(4), 'little')
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def load_binunicode8(self):
        n = int.from_bytes(self._read(8), 'little')
        if n > sys.maxsize:
            raise UnpicklingError("BINUNICODE8 exceeds system's maximum size "
                                  "of %d bytes" % sys.maxsize)
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def load_short_binunicode(self):
        n = self._read(1)[0]
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))

    def load_empty_tuple(self):
        self.append(())

    def _load_tuple_n(self, n):
        stack = self.stack
        if len(stack) < n:
            raise UnpicklingError("unpickling stack underflow")
        t = tuple(stack[len(stack) - n:])
        del stack[len(stack) - n:]
        stack.append(t)

    def load_tuple1(self):
        self._load_tuple_n(1)

    def load_tuple2(self):
        self._load_tuple_n(2)

    def load_tuple3(self):
        self._load_tuple_n(3)

    def load_empty_list(self):
        self.append([])

    def load_empty_dict(self):
        self.append({})

    def load_empty_set(self):
        self.append(set())

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))

    def load_list(self):
        items = self.pop_mark()
        self.append(items)

    def load_dict(self):
        items = self.pop_mark()
        d = {}
        for i in range(0, len(items) - 1, 2):
            d[items[i]] = items[i + 1]
        if len(items) % 2:
            raise UnpicklingError("odd number of items for DICT")
        self.append(d)

    def _instantiate(self, klass, args):
        if (args or not isinstance(klass, type) or
                hasattr(klass, "__getinitargs__")):
            value = klass(*args)
        else:
            value = klass.__new__(klass)
        self.append(value)

    def load_inst(self):
        module = self._readline()[:-1].decode("ascii")
        name = self._readline()[:-1].decode("ascii")
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())

    def load_obj(self):
        args = self.pop_mark()
        if not args:
            raise UnpicklingError("unpickling stack underflow")
        cls = args.pop(0)
        self._instantiate(cls, args)

    def _newobj(self, cls, args, kwargs, opname):
        if not isinstance(cls, type):
            raise UnpicklingError("%s class argument must be a type, not %s"
                                  % (opname, type(cls).__name__))
        if not isinstance(args, tuple):
            raise UnpicklingError("%s args argument must be a tuple, not %s"
                                  % (opname, type(args).__name__))
        if not isinstance(kwargs, dict):
            raise UnpicklingError("%s kwargs argument must be a dict, not %s"
                                  % (opname, type(kwargs).__name__))
        self.append(cls.__new__(cls, *args, **kwargs))

    def load_newobj(self):
        args = self._pop()
        cls = self._pop()
        self._newobj(cls, args, {}, 'NEWOBJ')

    def load_newobj_ex(self):
        kwargs = self._pop()
        args = self._pop()
        cls = self._pop()
        self._newobj(cls, args, kwargs, 'NEWOBJ_EX')

    def load_global(self):
        module = self._readline()[:-1].decode("utf-8")
        name = self._readline()[:-1].decode("utf-8")
        self.append(self.find_class(module, name))

    def load_stack_global(self):
        name = self._pop()
        module = self._pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))

    def _load_ext(self, code):
        nil = []
        obj = copyreg._extension_cache.get(code, nil)
        if obj is not nil:
            self.append(obj)
            return
        key = copyreg._inverted_registry.get(code)
        if not key:
            if code <= 0:
                raise UnpicklingError("EXT specifies code <= 0")
            raise ValueError("unregistered extension code %d" % code)
        obj = self.find_class(*key)
        copyreg._extension_cache[code] = obj
        self.append(obj)

    def load_ext1(self):
        self._load_ext(self._read(1)[0])

    def load_ext2(self):
        self._load_ext(int.from_bytes(self._read(2), 'little'))

    def load_ext4(self):
        self._load_ext(int.from_bytes(self._read(4), 'little', signed=True))

    def load_reduce(self):
        args = self._pop()
        func = self._pop()
        if not isinstance(args, tuple):
            raise UnpicklingError("REDUCE argument must be a tuple")
        self.append(func(*args))

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        elif self.metastack:
            self.pop_mark()
        else:
            raise UnpicklingError("unpickling stack underflow")

    def load_pop_mark(self):
        self.pop_mark()

    def load_dup(self):
        self.append(self._top())

    def _memo_get(self, i):
        try:
            self.append(self.memo[i])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d"
                                  % i) from None

    def load_get(self):
        self._memo_get(int(self._readline()[:-1]))

    def load_binget(self):
        self._memo_get(self._read(1)[0])

    def load_long_binget(self):
        self._memo_get(int.from_bytes(self._read(4), 'little'))

    def load_put(self):
        i = int(self._readline()[:-1])
        if i < 0:
            raise ValueError("negative PUT argument")
        self.memo[i] = self._top()

    def load_binput(self):
        self.memo[self._read(1)[0]] = self._top()

    def load_long_binput(self):
        i = int.from_bytes(self._read(4), 'little')
        if i > sys.maxsize:
            raise ValueError("negative LONG_BINPUT argument")
        self.memo[i] = self._top()

    def load_memoize(self):
        self.memo[len(self.memo)] = self._top()

    def load_append(self):
        value = self._pop()
        self._top().append(value)

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self._top()
        if isinstance(list_obj, list):
            list_obj.extend(items)
            return
        extend = getattr(list_obj, 'extend', None)
        if extend is not None:
            extend(items)
            return
        append = list_obj.append
        for item in items:
            append(item)

    def load_setitem(self):
        value = self._pop()
        key = self._pop()
        self._top()[key] = value

    def load_setitems(self):
        items = self.pop_mark()
        d = self._top()
        if len(items) % 2:
            raise UnpicklingError("odd number of items for SETITEMS")
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self._top()
        if isinstance(set_obj, set):
            set_obj.update(items)
        else:
            add = set_obj.add
            for item in items:
                add(item)

    def load_build(self):
        state = self._pop()
        inst = self._top()
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            if not isinstance(state, dict):
                raise UnpicklingError("state is not a dictionary")
            inst_dict = inst.__dict__
            for k, v in state.items():
                if type(k) is str:
                    k = sys.intern(k)
                inst_dict[k] = v
        if slotstate:
            if not isinstance(slotstate, dict):
                raise UnpicklingError("slot state is not a dictionary")
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def load_stop(self):
        raise _Stop(self._pop())

    _dispatch = [None] * 256


def _escape_decode(data):
    """Undo the escapes of a Python 2 str literal (STRING opcode)."""
    if b'\\' not in data:
        return data
    out = bytearray()
    i = 0
    n = len(data)
    simple = {ord('n'): 10, ord('t'): 9, ord('r'): 13, ord('\\'): 92,
              ord("'"): 39, ord('"'): 34, ord('a'): 7, ord('b'): 8,
              ord('f'): 12, ord('v'): 11}
    while i < n:
        c = data[i]
        if c != 92 or i + 1 == n:
            out.append(c)
            i += 1
            continue
        e = data[i + 1]
        if e in simple:
            out.append(simple[e])
            i += 2
        elif e == ord('x'):
            out.append(int(data[i + 2:i + 4], 16))
            i += 4
        elif 48 <= e <= 55:
            j = i + 1
            while j < n and j < i + 4 and 48 <= data[j] <= 55:
                j += 1
            out.append(int(data[i + 1:j], 8) & 0xff)
            i = j
        elif e == 10:
            i += 2
        else:
            out.append(c)
            i += 1
    return bytes(out)


def _raw_unicode_unescape(data):
    """Decode protocol 0's raw-unicode-escape: latin-1 text where
    \\uXXXX and \\UXXXXXXXX stand for other code points."""
    s = data.decode('latin-1')
    if '\\' not in s:
        return s
    out = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == '\\' and i + 1 < n and s[i + 1] in 'uU':
            width = 4 if s[i + 1] == 'u' else 8
            digits = s[i + 2:i + 2 + width]
            if len(digits) == width:
                try:
                    out.append(chr(int(digits, 16)))
                    i += 2 + width
                    continue
                except ValueError:
                    pass
            raise UnpicklingError("truncated \\uXXXX escape")
        out.append(ch)
        i += 1
    return ''.join(out)


def _fill_dispatch():
    d = _Unpickler._dispatch
    U = _Unpickler
    table = [
        (MARK, U.load_mark), (STOP, U.load_stop), (POP, U.load_pop),
        (POP_MARK, U.load_pop_mark), (DUP, U.load_dup),
        (FLOAT, U.load_float), (INT, U.load_int), (BININT, U.load_binint),
        (BININT1, U.load_binint1), (LONG, U.load_long),
        (BININT2, U.load_binint2), (NONE, U.load_none),
        (PERSID, U.load_persid), (BINPERSID, U.load_binpersid),
        (REDUCE, U.load_reduce), (STRING, U.load_string),
        (BINSTRING, U.load_binstring),
        (SHORT_BINSTRING, U.load_short_binstring),
        (UNICODE, U.load_unicode), (BINUNICODE, U.load_binunicode),
        (APPEND, U.load_append), (BUILD, U.load_build),
        (GLOBAL, U.load_global), (DICT, U.load_dict),
        (EMPTY_DICT, U.load_empty_dict), (APPENDS, U.load_appends),
        (GET, U.load_get), (BINGET, U.load_binget), (INST, U.load_inst),
        (LONG_BINGET, U.load_long_binget), (LIST, U.load_list),
        (EMPTY_LIST, U.load_empty_list), (OBJ, U.load_obj),
        (PUT, U.load_put), (BINPUT, U.load_binput),
        (LONG_BINPUT, U.load_long_binput), (SETITEM, U.load_setitem),
        (TUPLE, U.load_tuple), (EMPTY_TUPLE, U.load_empty_tuple),
        (SETITEMS, U.load_setitems), (BINFLOAT, U.load_binfloat),
        (PROTO, U.load_proto), (NEWOBJ, U.load_newobj),
        (EXT1, U.load_ext1), (EXT2, U.load_ext2), (EXT4, U.load_ext4),
        (TUPLE1, U.load_tuple1), (TUPLE2, U.load_tuple2),
        (TUPLE3, U.load_tuple3), (NEWTRUE, U.load_true),
        (NEWFALSE, U.load_false), (LONG1, U.load_long1),
        (LONG4, U.load_long4), (BINBYTES, U.load_binbytes),
        (SHORT_BINBYTES, U.load_short_binbytes),
        (SHORT_BINUNICODE, U.load_short_binunicode),
        (BINUNICODE8, U.load_binunicode8), (BINBYTES8, U.load_binbytes8),
        (EMPTY_SET, U.load_empty_set), (ADDITEMS, U.load_additems),
        (FROZENSET, U.load_frozenset), (NEWOBJ_EX, U.load_newobj_ex),
        (STACK_GLOBAL, U.load_stack_global), (MEMOIZE, U.load_memoize),
        (FRAME, U.load_frame), (BYTEARRAY8, U.load_bytearray8),
        (NEXT_BUFFER, U.load_next_buffer),
        (READONLY_BUFFER, U.load_readonly_buffer),
    ]
    for code, fn in table:
        d[code[0]] = fn


_fill_dispatch()

# }======


# {====== Public API ======

class Pickler(_Pickler):
    """Pickler(file, protocol=None, *, fix_imports=True,
    buffer_callback=None): writes pickles of objects to a binary file."""
    __module__ = '_pickle'


class Unpickler(_Unpickler):
    """Unpickler(file, *, fix_imports=True, encoding='ASCII',
    errors='strict', buffers=()): reads pickles from a binary file."""
    __module__ = '_pickle'




def dump(obj, file, protocol=None, *, fix_imports=True,
         buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    f = BytesIO()
    Pickler(f, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)
    return f.getvalue()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict",
         buffers=None):
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict",
          buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return Unpickler(BytesIO(data), fix_imports=fix_imports,
                     buffers=buffers, encoding=encoding,
                     errors=errors).load()


# CPython's versions of these come from its C accelerator.
for _f in (dump, dumps, load, loads):
    _f.__module__ = '_pickle'
del _f

# }======
