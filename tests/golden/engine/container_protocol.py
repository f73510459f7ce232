# __len__, __getitem__, __iter__, __contains__, __setitem__, __delitem__, __bool__ drive the built-in syntax.
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __setitem__(self, i, v):
        self.cards[i] = v
    def __delitem__(self, i):
        del self.cards[i]
d = Deck("abcde")
print(len(d), d[0], d[-1], d[1:3], list(d), "c" in d, "z" in d, bool(Deck([])))
d[0] = "A"
del d[1]
print(d.cards, [c for c in d])
class Evens:
    def __iter__(self):
        return iter([0, 2, 4])
    def __contains__(self, x):
        print("contains", x)
        return x % 2 == 0
e = Evens()
print(list(e), 3 in e, 4 in e, sorted(e, reverse=True))
class Falsy:
    def __bool__(self):
        return False
print(bool(Falsy()), "yes" if Falsy() else "no", not Falsy())
try:
    len(Falsy())
except TypeError as err:
    print(err)
