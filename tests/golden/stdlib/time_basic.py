# time: clocks (types, monotonicity, ns/float agreement) and sleep; only deterministic facts
import time

for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    f = getattr(time, name)
    fns = getattr(time, name + "_ns")
    a, b = f(), f()
    na, nb = fns(), fns()
    print(name, type(a).__name__, type(na).__name__, b >= a, nb >= na)
print(abs(time.time() - time.time_ns() / 1e9) < 1.0, time.time() > 1.7e9)
t0 = time.monotonic()
p0 = time.perf_counter()
n0 = time.monotonic_ns()
time.sleep(0.02)
print(time.monotonic() - t0 >= 0.02, time.perf_counter() - p0 >= 0.02,
      time.monotonic_ns() - n0 >= 20_000_000)
print(time.sleep(0), time.sleep(0.0), time.sleep(False))
c0 = time.process_time()
x = 0
for i in range(200000):
    x += i
print(time.process_time() >= c0)
for bad in [-1, -0.5, "a", None, float("nan"), 1e300, 2**100, [1]]:
    try:
        time.sleep(bad)
    except Exception as e:
        print(repr(bad), type(e).__name__, e)
try:
    time.sleep()
except TypeError as e:
    print(e)
try:
    time.time(1)
except TypeError as e:
    print(e)
