# literals: None, True, False, Ellipsis, docstrings
"""module docstring"""
None
True
False
...
Ellipsis
x = None if True else False
