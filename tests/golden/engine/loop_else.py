# while/for with else: else runs when the loop ends without break; nested loops and continue.
def find(seq, target):
    for i in range(len(seq)):
        if seq[i] == target:
            print("found at", i)
            break
    else:
        print("not found")
find([3, 4, 5], 4)
find([3, 4, 5], 9)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    break
else:
    print("never")
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print(i, j)
    else:
        print("inner done", i)
for _ in []:
    pass
else:
    print("empty else")
