from . import second
NAME = "first"
