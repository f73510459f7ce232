# Dict operations: insertion, lookup, update, membership, deletion and
# iteration, with int and str keys.


def run(n):
    d = {}
    for i in range(n):
        d[i] = i * 2
    total = 0
    for i in range(0, n, 3):
        total += d[i]
        if i + 1 in d:
            d[i + 1] += 1
    for i in range(0, n, 2):
        del d[i]
    for k in d:
        total += k
    for k, v in d.items():
        total += v - k
    words = {}
    for i in range(n):
        w = "w" + str(i % 997)
        words[w] = words.get(w, 0) + 1
    total += len(d) + len(words) + words["w5"]
    return total


print("dict_ops", run(1800000))
