print("b: start")


def describe():
    import a
    return "version " + a.VERSION
