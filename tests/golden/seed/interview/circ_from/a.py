print("a: start")
from b import describe
VERSION = "1.0"


def main():
    return describe()
