# a.py: imports b first, defines VERSION after: the usual layout.
import sys

print("  a: start; a is already in sys.modules:", "a" in sys.modules)
import b                           # runs all of b.py now, with a half-built

VERSION = "1.0"


def main():
    return b.describe()
