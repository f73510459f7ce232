print("b: start")
from a import VERSION


def describe():
    return "version " + VERSION


def main():
    return describe()
