# The bare aliases stand for their classes in isinstance/issubclass; the
# subscripted ones refuse; calling an alias makes an instance.
import collections
import typing
from typing import List, Dict, Set, FrozenSet, Tuple, Type, Iterable, \
    Sequence, Mapping, Callable, Deque, DefaultDict, Counter, OrderedDict

print(isinstance([], List), isinstance({}, Dict), isinstance(set(), Set))
print(issubclass(list, Sequence), isinstance([], Iterable), isinstance({}, Mapping))
print(isinstance(len, Callable), isinstance(3, Callable), issubclass(tuple, Tuple))
print(isinstance(int, Type), issubclass(List, Sequence) if False else '-')
for bad in (lambda: isinstance([], List[int]), lambda: issubclass(dict, Dict[str, int]),
            lambda: List(), lambda: Dict(), lambda: Tuple(), lambda: Set(),
            lambda: FrozenSet(), lambda: Type()):
    try:
        bad()
    except TypeError as e:
        print(e)
d = Deque[int]([1, 2])
print(d, type(d), DefaultDict[str, int](int), Counter[str]('abca'))
print(OrderedDict[str, int](a=1), collections.OrderedDict[str, int])
print(List[int].__origin__, Dict.__origin__, Iterable[int].__origin__)
print(List.__name__ if hasattr(List, '__name__') else '-', List._name)
print(Iterable[int], Mapping[str, List[int]], Callable[[], int], Sequence)
print(typing.Hashable, typing.Sized, typing.ByteString, typing.AbstractSet[int])
print(typing.Generator[int, None, None], typing.Coroutine, typing.ItemsView[str, int])
class MyList(List[int]):
    pass
print(MyList.__mro__, MyList.__orig_bases__, MyList([1]))
class MyMap(Mapping[str, int]):
    def __getitem__(self, k): return 1
    def __len__(self): return 0
    def __iter__(self): return iter(())
print(MyMap.__mro__[:3], dict(MyMap()), MyMap.__parameters__)
