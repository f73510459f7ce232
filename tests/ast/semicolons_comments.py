# statements: several per line, comments, blank lines, line continuations
a = 1; b = 2; c = 3;
if x: y = 1; z = 2
while 0: pass

x = 1 + \
    2   # trailing comment
# a full-line comment

class C: pass
def f(): return 1
for i in x: pass
with a: pass
try: pass
finally: pass
