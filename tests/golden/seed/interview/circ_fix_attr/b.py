print("b: start")
import a


def describe():
    return "version " + a.VERSION


def main():
    return describe()
