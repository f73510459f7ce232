import sys
import traceback


def inner(x):
    return x["a"][5] + 1


def outer():
    try:
        inner({"a": [1]})
    except IndexError as e:
        raise ValueError("wrapped") from e


try:
    outer()
except ValueError as e:
    traceback.print_exc()
    text = traceback.format_exc()
    print(text.count("\n"), text.splitlines()[-1])
    lines = traceback.format_exception(e)
    print("".join(lines) == text, lines[0] == "Traceback (most recent call last):\n" or lines[0])
    print(traceback.format_exception_only(e))
    print(traceback.format_exception(type(e), e, e.__traceback__, chain=False)[-1])
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.name, fs.lineno, fs.line, fs)
    print(len(traceback.format_tb(e.__traceback__)))
    traceback.print_tb(e.__traceback__, limit=1)
    traceback.print_exception(e, limit=-1, chain=False)
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), te.__cause__.exc_type.__name__)
    print("".join(te.format()) == text)
print(traceback.format_exc())
traceback.print_exc()


def deep(n):
    if n == 0:
        return traceback.extract_stack()
    return deep(n - 1)


st = deep(5)
print([f.name for f in st][-3:], st[-1].line)
print(traceback.format_list([("f.py", 3, "g", "x = 1")]))
