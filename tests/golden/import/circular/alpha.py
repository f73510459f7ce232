# Module alpha: imports beta before defining its own names.
import beta

def greet():
    return "hello from alpha"

late = "alpha finished"
