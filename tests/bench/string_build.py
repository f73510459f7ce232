# String building: concatenation in a loop, str() of ints, join of a
# list of pieces, slicing, and a few str methods.


def run(rounds, n):
    total = 0
    for r in range(rounds):
        s = ""
        for i in range(n):
            s += str(i % 10)
        parts = []
        for i in range(n):
            parts.append("k" + str(i) + "=" + str(i * r))
        joined = ",".join(parts)
        total += len(s) + len(joined)
        total += joined.count("=1") + len(joined.upper()[:50])
        total += len(joined.split(","))
        total += s.find("9876") + len(s.replace("0", "zero"))
    return total


print("string_build", run(320, 8000))
