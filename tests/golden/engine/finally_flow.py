# break/continue/return leaving a try block run its finally first, in every loop kind.
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
n = 0
while True:
    n += 1
    try:
        try:
            if n == 2:
                break
        finally:
            print("inner finally", n)
    finally:
        print("outer finally", n)
def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())
