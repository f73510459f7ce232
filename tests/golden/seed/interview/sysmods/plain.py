# A plain module (no __path__) that registers a "submodule" itself, as
# os registers os.path.
import sys
import types

sub = types.ModuleType("plain.sub")
sub.VALUE = 42
sys.modules["plain.sub"] = sub
