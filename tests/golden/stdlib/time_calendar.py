# time: struct_time, gmtime, strftime, asctime, mktime round trip (timemodule.c)
import time

t = time.gmtime(0)
print(t, len(t), t[0], t[-1], t[2:5], t.tm_year, t.tm_yday, t.tm_wday, t.tm_zone, t.tm_gmtoff)
print(t == (1970, 1, 1, 0, 0, 0, 3, 1, 0), tuple(t), list(t), isinstance(t, tuple))
for secs in [1234567890, 1700000000.75, -1, -86400 * 365, 951782400, 4102444800]:
    g = time.gmtime(secs)
    print(secs, tuple(g), time.asctime(g), time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %A %B %p %%", g))
print(time.strftime("%Y-%m-%d %j", (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("", time.gmtime(0)), repr(time.strftime("%H", (2000, 1, 1, 5, 0, 0, 0, 1, 0))))
print(time.asctime((2020, 1, 1, 0, 0, 0, 7, 1, 0)), time.asctime((2020, 12, 31, 23, 59, 61, 6, 366, 0)))
print(time.strftime("%Y %a", (2020, 1, 1, 0, 0, 0, -1, 1, 0)))
st = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0))
print(st, st.tm_zone, st.tm_gmtoff, time.struct_time([1] * 9).tm_mon)
print(time.struct_time((2020, 1, 1, 0, 0, 0, 0, 1, 0, "X", 5)).tm_gmtoff)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
print(type(time.timezone).__name__, type(time.tzname).__name__, len(time.tzname), time.daylight in (0, 1))
now = time.time()
lt = time.localtime(now)
print(time.mktime(lt) == float(int(now)), type(time.mktime(lt)).__name__)
print(type(time.localtime()).__name__, type(time.ctime()).__name__, len(time.asctime()))
print(time.gmtime(1.99) == time.gmtime(1), time.gmtime(-0.5) == time.gmtime(-1))
for f in [lambda: time.struct_time((1, 2)), lambda: time.struct_time((1,) * 12), lambda: time.struct_time(5),
          lambda: time.strftime('%Y', (2020, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.strftime('%Y', (2020, 1, 1, 0, 0, 0, 0, 1)),
          lambda: time.strftime('%Y', [2020, 1, 1, 0, 0, 0, 0, 1, 0]), lambda: time.gmtime('x'), lambda: time.gmtime(1e30),
          lambda: time.mktime(5), lambda: time.gmtime(float('nan')), lambda: time.strftime(5),
          lambda: time.strftime('%Y', (2020, 1, 1, 25, 0, 0, 0, 1, 0)), lambda: time.strftime('%Y', (2020, 1, 1, 0, 61, 0, 0, 1, 0)),
          lambda: time.strftime('%Y', (2020, 1, 1, 0, 0, 62, 0, 1, 0)), lambda: time.strftime('%Y', (2020, 1, 32, 0, 0, 0, 0, 1, 0)),
          lambda: time.strftime('%Y', (2020, 1, 1, 0, 0, 0, 0, 367, 0)), lambda: time.gmtime(-1e20),
          lambda: time.asctime((2020, 1, 1, 0, 0, 0, -2, 1, 0)), lambda: time.strftime('%Y', (2020, 1, 1, 0, 0, 0, 0, 1.5, 0)),
          lambda: time.gmtime(1, 2), lambda: time.strftime('%Y\0', time.gmtime(0))]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
