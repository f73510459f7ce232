# shutdown (runtime.c): the collection after atexit runs gc.callbacks when the collector is enabled
import atexit
import gc


def cb(phase, info):
    print("gc", phase, info["generation"], info["collected"])


gc.callbacks.append(cb)
atexit.register(lambda: print("atexit"))
x = []
x.append(x)
del x
print("end")
