# gc.set_debug (gc.c): DEBUG_SAVEALL keeps garbage in gc.garbage, DEBUG_COLLECTABLE reports it
import gc

gc.disable()
print(gc.get_debug(), gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
y = [1]
y.append(y)
del y
print(gc.collect(), len(gc.garbage), gc.garbage[0][0], gc.garbage[0][1] is gc.garbage[0])
gc.garbage.clear()
gc.set_debug(gc.DEBUG_COLLECTABLE)
z = [2]
z.append(z)
del z
print(gc.collect())
gc.set_debug(gc.DEBUG_LEAK)
w = [3]
w.append(w)
del w
print(gc.collect(), len(gc.garbage), gc.garbage[0][0])
gc.garbage.clear()
gc.set_debug(0)
print(gc.get_stats()[2]["uncollectable"])
try:
    gc.set_debug("x")
except TypeError as e:
    print(type(e).__name__)
gc.enable()
