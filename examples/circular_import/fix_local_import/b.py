# b.py, fix 1: the import moves into the function that needs it.  By the
# time describe() is called, a has finished and the import is a plain
# sys.modules lookup.
print("  b: start (no import of a here)")


def describe():
    import a
    return "version " + a.VERSION
