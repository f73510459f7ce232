from ca import foo

def helper():
    return foo()
