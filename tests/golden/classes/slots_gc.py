# slot values are released with the instance and seen by the collector
import gc

class Node:
    __slots__ = ('other', 'name')
    def __init__(self, name):
        self.name = name

class Tracker:
    def __del__(self):
        print('freed', self.tag)

a = Node('a')
b = Node('b')
a.other = b
b.other = a
t = Tracker()
t.tag = 'in-cycle'
a.name = t
del a, b, t
print('collect', gc.collect() > 0)

n = Node('solo')
t = Tracker()
t.tag = 'plain'
n.other = t
del t
print('dropping')
del n
print('end')
