# Uncaught AttributeError inside a method, with a multi-line call at module level.
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
    def depth(self):
        return 1 + self.nxt.depth()
def total(node,
          extra):
    return node.depth() + extra
print(total(
    Node(Node(None)),
    1))
