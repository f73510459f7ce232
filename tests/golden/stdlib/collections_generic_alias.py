# Subscripting the generic ABCs and collections classes, as annotations do
import collections
import collections.abc as abc

print(abc.Iterable[int], abc.Callable[[int], str], abc.Callable[..., int], abc.Mapping[str, int])
print(collections.deque[int], collections.deque[int]([1]), collections.OrderedDict[str, int], collections.Counter[str], collections.defaultdict[str, int], collections.ChainMap[str, int])
x = abc.Iterable[int]
print(x.__origin__, x.__args__, x == abc.Iterable[int], x == abc.Iterable[str], hash(x) == hash(abc.Iterable[int]))
print(abc.Callable[[int, str], bool].__args__, abc.Sequence[abc.Iterable[int]])
print(collections.Counter[str]('aab'), collections.OrderedDict[str, int](a=1))
for c in (abc.Hashable, abc.Sized):
    try:
        c[int]
    except TypeError as e:
        print('TypeError:', e)


def f(items: abc.Iterable[int], m: abc.MutableMapping[str, int]) -> abc.Iterator[str]:
    return iter(str(i) for i in items)


print(f.__annotations__, list(f([1, 2], {})))
