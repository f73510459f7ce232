# statements: decorators of every expression form (PEP 614)
@dec
def f(): pass
@dec.attr
@dec(1, k=2)
@dec[0]
@(lambda f: f)
@a if b else c
class C: pass
@x := y
def g(): pass
