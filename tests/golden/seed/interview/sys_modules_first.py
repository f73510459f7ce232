# 4 Q1 "Python checks sys.modules" first: an import finds a module there
# before looking at files, even a dotted name whose parent is not a
# package (os.path is registered by os itself); anything else below a
# plain module is "not a package".
import sys

sys.path.insert(0, __file__.rpartition("/")[0] + "/sysmods")
import plain.sub
print(plain.sub.VALUE, plain.sub is sys.modules["plain.sub"])
import os.path
print(os.path is sys.modules["os.path"], os.path.join("a", "b"))
try:
    import plain.other
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
sys.modules["ghost"] = None
try:
    import ghost
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
fake = type(sys)("fake")
fake.answer = 7
sys.modules["fake"] = fake
import fake as f2
from fake import answer
print(f2 is fake, answer)
