real = "real attribute"

def __getattr__(name):
    if name == "forbidden":
        raise AttributeError(f"module {__name__!r} refuses {name!r}")
    return "made up " + name

def __dir__():
    return ["real", "virtual_thing"]
