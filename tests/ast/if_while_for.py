# statements: if/elif/else, while/else, for/else with targets
if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    pass
while x:
    x -= 1
else:
    done()
for i in range(3):
    pass
else:
    pass
for a, (b, c) in items:
    pass
for x, in y:
    pass
for *a, b in c:
    pass
