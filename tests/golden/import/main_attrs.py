# The script's __main__ module: its attributes and repr.
import sys
main = sys.modules["__main__"]
print(__name__, __spec__, __package__, __loader__.name, __loader__.path == __file__)
print(repr(main) == "<module '__main__' from %r>" % __file__, main.__dict__ is globals())
print(sys.path[0] == __file__.rpartition("/")[0], sys.argv)
print(type(__loader__).__name__, type(sys.__loader__).__name__, sys.__loader__)
print(repr(type(sys)("m")), sys.modules["builtins"], sys.modules["builtins"].__spec__.origin)
