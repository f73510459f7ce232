class E:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del mod1", self.n)


e = E("e")
_e = E("_e")
