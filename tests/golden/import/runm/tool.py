import sys
def helper():
    return "tool helper"
print("tool:", __name__, sys.argv[1:])
if __name__ == "__main__":
    print("tool runs as a script, package", __package__, __spec__.name)
    raise SystemExit(3)
