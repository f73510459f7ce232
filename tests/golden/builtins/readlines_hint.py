# readlines(hint): files and StringIO stop once the lines pass hint,
# BytesIO once they reach it (CPython's two rules).
import io
print(io.StringIO("a\nb\nc\n").readlines(2), io.StringIO("a\nb\nc\n").readlines(1), io.StringIO("a\nb\nc\n").readlines(0), io.StringIO("ab\ncd\n").readlines(3))
print(io.BytesIO(b"a\nb\nc\n").readlines(2), io.BytesIO(b"a\nb\nc\n").readlines(4))
with open(__file__) as f:
    print(len(f.readlines(10)))
