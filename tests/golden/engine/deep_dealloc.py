# Freeing deep chains (nested lists, dicts, tuples, a 300000-node linked list) runs without C recursion overflowing: the trashcan.
class Node:
    def __init__(self, next):
        self.next = next

head = None
for i in range(300000):
    head = Node(head)
del head
print("linked list freed")

a = []
for i in range(100000):
    a = [a]
del a
d = {}
for i in range(100000):
    d = {"k": d}
del d
t = ()
for i in range(100000):
    t = (t,)
del t
print("nested containers freed")
