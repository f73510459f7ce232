# copy/deepcopy, gc referents, vars and dir of str/tuple subclass instances
# whose __dict__ sits in front of the object (typeslots.c add_layout).
import copy, gc
class S(str): pass
class T(tuple): pass
s = S('abc'); s.x = [1]
c = copy.copy(s); d = copy.deepcopy(s)
print(repr(c), type(c).__name__, c.__dict__, d.__dict__, d.x is s.x)
t = T((1, 2)); t.y = 3
print(copy.copy(t).__dict__, copy.deepcopy(t))
print(gc.is_tracked(s), gc.get_referents(s) == [S] or sorted(map(str, map(type, gc.get_referents(s)))))
print(s.__sizeof__() > 0, dir(s)[:0], vars(s), 'x' in dir(s))
