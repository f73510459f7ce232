# an AttributeError from __getattr__ is suggested against dir(obj)
class Lazy:
    known = 1
    def __getattr__(self, name):
        raise AttributeError(f'{name!r} is not loaded')
Lazy().knwn
