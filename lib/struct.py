"""Functions to convert between Python values and C structs.

The implementation is the built-in _struct module
(src/modules/structmodule.c); this module re-exports it, as CPython's
struct.py does.
"""

__all__ = [
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack', 'Struct', 'error',
]

from _struct import *
from _struct import _clearcache
