# instances of subclasses of int, float, complex are tracked by the collector
import gc

class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print('freed', self.tag)

class I(int): pass
class F(float): pass
class C(complex): pass

class T(tuple): pass

for cls, arg in [(I, 4), (F, 1.5), (C, 2j)]:
    o = cls(arg)
    o.self_ref = o                 # a cycle through the instance __dict__
    o.witness = Noisy(cls.__name__)
    del o
gc.collect()
class Holder(int):
    pass
Holder.keep = Holder(7)           # class -> instance -> class
Holder.keep.n = Noisy('holder')
del Holder
gc.collect()
print('end')
