# metaclasses: __prepare__, __new__, __init__, __call__ and class keywords
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print('prepare', name, kwargs)
        return {'injected': True}
    def __new__(mcls, name, bases, ns, **kwargs):
        print('new', name, sorted(ns), kwargs)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kwargs):
        print('init', name, kwargs)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print('call', cls.__name__, args, kwargs)
        inst = super().__call__(*args, **kwargs)
        inst.made_by = 'Meta'
        return inst

class Base(metaclass=Meta, option=1):
    def __init__(self, v):
        self.v = v
    def __call__(self):
        return 'instance call'

b = Base(3)
print(b.v, b.made_by, b(), Base.injected)
print(type(Base).__name__, type(b).__name__)

class Child(Base):             # the metaclass is inherited
    pass
c = Child(4)
print(type(Child).__name__, c.v)

# a custom mapping from __prepare__ sees every assignment of the body
class Recording(dict):
    def __setitem__(self, key, value):
        print('set', key)
        super().__setitem__(key, value)
class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recording()
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))
class K(metaclass=Ordered):
    a = 1
    def f(self):
        pass
print(K.a)

# a metaclass's __call__ can skip __init__ entirely
class Singleton(type):
    instances = {}
    def __call__(cls, *args):
        if cls not in Singleton.instances:
            Singleton.instances[cls] = super().__call__(*args)
        return Singleton.instances[cls]
class Config(metaclass=Singleton):
    def __init__(self):
        print('Config created')
print(Config() is Config())

# a function as metaclass
def factory(name, bases, ns, **kw):
    print('factory', name, kw)
    return type(name, bases, ns)
class F(metaclass=factory, x=2):
    pass
print(type(F).__name__)

# type.__new__ picks the most derived metaclass
class M2(type):
    pass
class WithM2(metaclass=M2):
    pass
X = type('X', (WithM2,), {})
print(type(X).__name__)
