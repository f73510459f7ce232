# locations: multi-line constructs (the dump omits positions; this checks shape)
x = (1 +
     2)
if (a and
        b):
    pass
def f(
    a,
    b,
):
    return (
        a
        + b
    )
s = """multi
line""" + 'x'
