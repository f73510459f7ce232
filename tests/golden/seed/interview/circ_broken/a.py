import sys
print("a: start", "a" in sys.modules, sys.modules["a"].__dict__.get("VERSION"))
import b
VERSION = "1.0"


def main():
    return b.describe()
