# statements: async def, async for, async with, await, async comprehensions
async def f(a, b=1):
    await a
    async for x in aiter():
        pass
    else:
        pass
    async with a as b, c:
        pass
    async with (a as b, c as d):
        pass
    r = [x async for x in y]
    s = {x: y async for x, y in z if await x}
    g = (await x for x in y)
    return await b
@dec
async def g():
    yield 1
