# statements: annotated assignments (simple flag, targets, no value)
x: int
x: int = 1
(y): list[int] = []
a.b: str
a[0]: float = 1.0
z: "forward" = None
t: tuple = 1, 2
