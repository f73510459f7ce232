# __slots__ errors: CPython's messages (parse_slots, best_base)
def attempt(make):
    try:
        make()
        print('ok')
    except Exception as e:
        print(type(e).__name__ + ':', e)

def conflict():
    class C:
        __slots__ = ('x',)
        x = 1
attempt(conflict)

def not_str():
    class C:
        __slots__ = (1,)
attempt(not_str)

def not_ident():
    class C:
        __slots__ = ('a b',)
attempt(not_ident)

def two_dicts():
    class C:
        __slots__ = ('__dict__', '__dict__')
attempt(two_dicts)

def dict_again():
    class B:
        pass
    class C(B):
        __slots__ = ('__dict__',)
attempt(dict_again)

def weak_again():
    class B:
        pass
    class C(B):
        __slots__ = ('__weakref__',)
attempt(weak_again)

def on_tuple():
    class C(tuple):
        __slots__ = ('a',)
attempt(on_tuple)

def empty_on_tuple():
    class C(tuple):
        __slots__ = ()
    print(C((3,)) + (1,))
attempt(empty_on_tuple)

def layout():
    class A:
        __slots__ = ('a',)
    class B:
        __slots__ = ('b',)
    class C(A, B):
        pass
attempt(layout)

def layout_ok():
    class A:
        __slots__ = ('a',)
    class B:
        __slots__ = ()
    class C(A, B):
        pass
    c = C()
    c.a = 1
    c.other = 2
    print(c.a, c.other)
attempt(layout_ok)

def builtin_layout():
    class C(list, dict):
        pass
attempt(builtin_layout)

def exc_bases():
    class C(ValueError, KeyError):
        pass
    print([k.__name__ for k in C.__mro__])
attempt(exc_bases)
