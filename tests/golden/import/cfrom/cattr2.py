import cattr
try:
    print(cattr.value)
except AttributeError as e:
    print("AttributeError:", e)
