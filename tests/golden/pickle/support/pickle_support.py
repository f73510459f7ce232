# Classes that pickles recorded from CPython refer to by module and name.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Slotted:
    __slots__ = ('a', 'b')

    def __repr__(self):
        return 'Slotted(%r)' % (getattr(self, 'a', None),)


class Restorer:
    def __init__(self):
        self.log = []

    def __setstate__(self, state):
        self.log = ['setstate', state]

    def __repr__(self):
        return 'Restorer(%r)' % (self.log,)
