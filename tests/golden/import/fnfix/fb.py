def describe():
    # fix 1: the import runs when the function is called, after fa finished
    from fa import name
    return "fb describes " + name()
