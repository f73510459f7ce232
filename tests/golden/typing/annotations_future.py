# from __future__ import annotations: annotations are stored as strings
# and get_type_hints evaluates them back.
from __future__ import annotations
import __future__
from typing import get_type_hints, List, Optional

def f(a: int, b: List[int] = [], *, c: Undefined | None = None) -> dict[str, 'X']:
    pass

print(f.__annotations__)

class Node:
    value: int
    next: Optional[Node]
    children: list[Node] = []

print(Node.__annotations__)
print(get_type_hints(Node))
v: Foo.bar[int, str]
print(__annotations__)
print(__future__.annotations, __future__.annotations.compiler_flag)
print(__future__.annotations.getMandatoryRelease(), __future__.all_feature_names[-1])
