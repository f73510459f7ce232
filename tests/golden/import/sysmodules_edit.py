# sys.modules and sys.path are the objects import really uses.
import sys
fake = type(sys)("fakemod")
fake.answer = 42
sys.modules["fakemod"] = fake
import fakemod
print(fakemod.answer, fakemod is fake)
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e, "|", e.name)
del sys.modules["fakemod"]
try:
    import fakemod
except ModuleNotFoundError as e:
    print(e)
saved = sys.path[:]
sys.path[:] = []
try:
    import cdone
except ModuleNotFoundError as e:
    print(e)
sys.path[:] = saved + ["cfrom"]
import cdone
print(cdone.present)
