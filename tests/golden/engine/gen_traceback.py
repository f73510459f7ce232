# An uncaught error raised inside a generator that a for loop drives: the generator's frame is in the traceback.
def parse(lines):
    for line in lines:
        yield int(line)
def total(lines):
    s = 0
    for v in parse(lines):
        s += v
    return s
print(total(["1", "2"]))
print(total(["3", "four"]))
