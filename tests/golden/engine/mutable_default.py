# Defaults are evaluated once, when `def` runs: the mutable default trap.
def append_to(element, to=[]):
    to.append(element)
    return to

print(append_to(1))
print(append_to(2))
print(append_to.__defaults__)

def append_fixed(element, to=None):
    if to is None:
        to = []
    to.append(element)
    return to

print(append_fixed(1))
print(append_fixed(2))
