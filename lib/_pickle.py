"""_pickle: the name under which CPython's pickle classes live.

minipy's pickle is written in Python (lib/pickle.py); its exceptions and
Pickler/Unpickler say __module__ == '_pickle' so that they print as
CPython's do, and this module makes that name importable (a pickle that
refers to _pickle.PicklingError loads).
"""

from pickle import (PickleError, PicklingError, UnpicklingError, Pickler,
                    Unpickler, dump, dumps, load, loads)
