"""Helpers shared by copy (and, one day, pickle): how to rebuild an object.

    dispatch_table   type -> function(obj) returning a reduce tuple; filled
                     by pickle(type, function)
    __newobj__       cls.__new__(cls, *args): the constructor a default
                     reduction names, so that __init__ is not run again
    __newobj_ex__    the same with keyword arguments

CPython counterpart: Lib/copyreg.py (this file does not hold its
protocol-0/1 helpers, which only pickle uses).
"""

__all__ = ['pickle', 'constructor', 'dispatch_table', '__newobj__',
           '__newobj_ex__']

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register pickle_function(obj) -> reduce tuple for ob_type."""
    if not callable(pickle_function):
        raise TypeError('reduction functions must be callable')
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError('constructors must be callable')


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """Used by pickle protocol 4, instead of __newobj__ to allow classes
    with keyword-only arguments to be pickled correctly."""
    return cls.__new__(cls, *args, **kwargs)
