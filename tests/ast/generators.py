# expressions: yield, yield from, await in function bodies
def g():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from other()
    z = (yield x)
    f((yield))
    yield from (a for a in b)
    return (yield 1)
async def h():
    await x
    y = await f()
    return [await z for z in w]
