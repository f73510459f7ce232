# The global statement: assignment rebinds the module name; without it the name is local (UnboundLocalError).
total = 0
def bump(by):
    global total
    total += by
bump(3); bump(4)
print(total)
def create():
    global created
    created = "made in function"
create()
print(created)
def broken():
    total += 1
try:
    broken()
except UnboundLocalError as e:
    print(e)
def reader():
    return total * 2
print(reader())
def shadow():
    total = -1
    return total
print(shadow(), total)
