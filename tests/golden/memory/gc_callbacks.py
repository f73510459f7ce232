# gc.callbacks (gc.c invoke_callbacks): "start"/"stop" with generation, collected, uncollectable; errors reported
import gc

gc.disable()
log = []


def cb(phase, info):
    log.append((phase, info["generation"], info["collected"], info["uncollectable"]))
    print(phase, sorted(info))


gc.callbacks.append(cb)
x = []
x.append(x)
y = {}
y["y"] = y
del x, y
print(gc.collect())
print(log)
log.clear()
gc.collect(0)
gc.collect(1)
print(log)


def bad(phase, info):
    if phase == "stop":
        raise RuntimeError("callback failed")


gc.callbacks.append(bad)
print(gc.collect())
gc.callbacks.clear()
print(gc.collect(), log[-1])
gc.enable()
