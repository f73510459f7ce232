# s += t grows s in place only when nothing else holds s: every other
# holder (another name, a list, a dict key, a default) keeps its value.
def build():
    s = ""
    seen = []
    for i in range(6):
        s += "ab"
        s = s + "é"
        t = s            # a second owner: the next += must copy
        seen.append(s)
        s += "x"
        print(s, t, hash(s) == hash(str(s)), t in seen)
    s += "\u1234"        # a wider kind than s: a copy
    s += "z"
    print(s, len(s), s.encode("utf-8"))
    return seen


def keys():
    d = {}
    k = "key"
    d[k] = 1
    k += "2"             # k was shared with the dict
    print(d, k)


def defaults(acc="start"):
    acc += "-more"
    return acc


def big():
    s = ""
    for i in range(20000):
        s += str(i % 10)
    return len(s), s[:12], s[-12:], s.count("7")


seen = build()
print(seen)
keys()
print(defaults(), defaults(), defaults.__defaults__)
print(big())
g = "global"
g += "!"                 # module level: STORE_NAME, the ordinary path
print(g)
