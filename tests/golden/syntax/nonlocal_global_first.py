# "is nonlocal and global" is reported at the first directive for the name
# (symtable.c add_def_in keeps the first).
def f():
    x = 1

    def g():
        nonlocal x
        global x
