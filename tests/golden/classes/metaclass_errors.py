# metaclass conflicts and type() argument errors (MpType_CalculateMetaclass)
class M1(type):
    pass
class M2(type):
    pass
class A(metaclass=M1):
    pass
class B(metaclass=M2):
    pass
def attempt(f):
    try:
        f()
        print('ok')
    except TypeError as e:
        print('TypeError:', e)
def conflict():
    class C(A, B):
        pass
attempt(conflict)
attempt(lambda: M1('C', (A, B), {}))
attempt(lambda: type('C', (A, B), {}))
class M3(M1, M2):
    pass
def resolved():
    class C(A, B, metaclass=M3):
        pass
    print(type(C).__name__)
attempt(resolved)
def sub_meta():
    class C(A, metaclass=type):
        pass
    print(type(C).__name__)
attempt(sub_meta)
attempt(lambda: type('C', [], {}))
attempt(lambda: type(1, (), {}))
attempt(lambda: type('C', (), []))
attempt(lambda: type('C', ()))
attempt(lambda: type('C', (1,), {}))
attempt(lambda: type.__init__(A, y=1))
attempt(lambda: type.__init__(A, 'x', y=1))
def not_base():
    class C(bool):
        pass
attempt(not_base)
def bad_qualname():
    class C:
        __qualname__ = 3
attempt(bad_qualname)
