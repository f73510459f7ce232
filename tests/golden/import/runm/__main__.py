import sys
print("__main__ of runm:", __name__, __package__, __spec__.name, __spec__.parent)
print("argv:", sys.argv)
print("path[0] is the current directory:", sys.path[0] == __import__("os").getcwd() if False else sys.path[0].endswith("/tests/golden/import"))
print(__file__ == sys.argv[0], "runm" in sys.modules, "runm.__main__" in sys.modules)
from . import tool
print(tool.helper())
if __name__ == "__main__":
    print("the __main__ block runs")
