from cb import helper

def foo():
    return "foo"
