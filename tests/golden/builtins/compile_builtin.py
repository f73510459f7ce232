# compile() (evalbuiltins.c): modes, code objects, flags, SyntaxError fields.
c = compile("a = 5\nb = a * 2", "myfile", "exec")
print(type(c).__name__, c.co_filename, c.co_name)
ns = {}
print(exec(c, ns), ns["b"])
e = compile("3 * 4", "<expr>", "eval")
print(eval(e), e.co_filename)
print(exec(compile("1 + 2", "<x>", "eval")))
print(eval(compile("x = 1", "<x>", "exec"), {}))
s = compile("1 + 2", "<single>", "single")
exec(s)
exec(compile("x = 5; x; 'str'\n", "<single>", "single"))
try:
    compile(c, "other", "exec")
except TypeError as err:
    print(err)
print(compile(b"7", "bytes-source", "eval").co_filename, eval(compile(b"7", "f", "eval")))
print(compile("x", b"bytes-name", "eval").co_filename)
print(compile(source="1", filename="kw", mode="eval", flags=0, dont_inherit=True, optimize=-1).co_filename)

for args, kw in [(("x", "f", "bad"), {}), ((1, "f", "exec"), {}),
                 (("x", 1, "exec"), {}), (("1", "f", "exec"), {"flags": 123456}),
                 (("x", "f"), {}), (("x", "f", 1), {})]:
    try:
        compile(*args, **kw)
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)

for src, mode in [("x = (", "exec"), ("1 +\n", "exec"), ("x = 1\n", "eval"),
                  ("def f(:\n  pass", "exec"), ("if x:\npass", "exec"),
                  ("(1,\n 2 3)", "exec"), ("break", "exec"), ("a\0", "exec")]:
    try:
        compile(src, "<src>", mode)
    except SyntaxError as err:
        print(type(err).__name__, repr(err.msg), err.filename, err.lineno,
              err.offset, repr(err.text))

# code from compile carries its filename into tracebacks
try:
    exec(compile("\n\n1 / 0", "generated.py", "exec"))
except ZeroDivisionError as err:
    tb = err.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_filename, tb.tb_lineno)
