# Attribute access: loads and stores of instance attributes, class
# attributes read through instances, and attributes of nested objects.


class Vec:
    scale = 3

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Body:
    def __init__(self):
        self.pos = Vec(0, 0)
        self.vel = Vec(1, 2)


def run(n):
    b = Body()
    acc = 0
    for i in range(n):
        p = b.pos
        v = b.vel
        p.x = p.x + v.x
        p.y = p.y + v.y
        if p.x > 1000:
            p.x = p.x - 1000
            v.y = -v.y
        if p.y > 1000 or p.y < -1000:
            v.y = -v.y
        acc = acc + p.x * p.scale + p.y
    return acc, b.pos.x, b.pos.y


print("attr_access", run(5000000))
