# fix 2: `import la` binds the half-built module; la.BASE is read later
import la
print("lb: la has BASE yet?", hasattr(la, "BASE"))

def plus_base(n):
    return la.BASE + n
