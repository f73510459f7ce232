"""signal: set handlers for asynchronous events.

The machinery is the C module _signal (src/modules/signalmodule.c over
src/signals.c); this module re-exports it and, as CPython's, turns the
numbers into the IntEnums Signals, Handlers and Sigmasks when the enum
module is available.  Handlers run between bytecodes, in the main flow
of the program, never inside the C signal handler.
"""

import _signal
from _signal import *

try:
    from enum import IntEnum as _IntEnum
except ImportError:             # no enum module: plain ints
    _IntEnum = None

if _IntEnum is not None:
    def _members(pred):
        return {name: value for name, value in vars(_signal).items()
                if pred(name)}

    Signals = _IntEnum('Signals', _members(
        lambda n: (n.isupper() and n.startswith('SIG')
                   and not n.startswith('SIG_'))
        or n.startswith('CTRL_')), module=__name__)
    Handlers = _IntEnum('Handlers', _members(
        lambda n: n in ('SIG_DFL', 'SIG_IGN')), module=__name__)
    Sigmasks = _IntEnum('Sigmasks', _members(
        lambda n: n in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK')),
        module=__name__)
    globals().update(Signals.__members__)
    globals().update(Handlers.__members__)
    globals().update(Sigmasks.__members__)

    def _int_to_enum(value, enum_klass):
        try:
            return enum_klass(value)
        except ValueError:
            return value

    def _enum_to_int(value):
        try:
            return int(value)
        except (ValueError, TypeError):
            return value

    def signal(signalnum, handler):
        handler = _signal.signal(_enum_to_int(signalnum),
                                 _enum_to_int(handler))
        return _int_to_enum(handler, Handlers)

    def getsignal(signalnum):
        handler = _signal.getsignal(signalnum)
        return _int_to_enum(handler, Handlers)

    def strsignal(signalnum):
        return _signal.strsignal(_enum_to_int(signalnum))

    def valid_signals():
        return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}
