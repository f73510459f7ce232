# The script is __main__; a module importing it by file name gets a second copy that runs again.
import sys
sys.path.insert(0, "twice")
print("running as", __name__)
import twice_helper
if __name__ == "__main__":
    print("main: helper saw", twice_helper.seen.__name__)
    print("same object:", twice_helper.seen is sys.modules["__main__"])
    print("copy in sys.modules:", sys.modules["main_twice"] is twice_helper.seen)
    print(__spec__, __package__, repr(sys.modules["main_twice"]).startswith("<module 'main_twice' from "))
