print("a: start")
import b
VERSION = "1.0"


def main():
    return b.describe()
