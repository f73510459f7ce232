# An error raised inside a handler: the uncaught traceback prints both, joined by "During handling...".
def parse(s):
    return int(s)
def load(s):
    try:
        return parse(s)
    except ValueError:
        return undefined_name
print(load("12"))
load("x")
