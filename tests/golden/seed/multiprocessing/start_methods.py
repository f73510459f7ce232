# 2.1 The start methods.  fork copies the parent (the child sees state set
# after import, including what it must not use: a "CUDA context" made by
# the parent); spawn and forkserver start from a fresh interpreter that
# re-imports the main module as __mp_main__ (state set under the
# __main__ guard is absent, so the child makes its own).
import multiprocessing as mp
import os

CONTEXT = None
SETTING = "import-time value"


def report(q, tag):
    if CONTEXT is None:
        ctx = "none: the child must create its own"
    elif CONTEXT["pid"] != os.getpid():
        ctx = "inherited from the parent (unusable)"
    else:
        ctx = "own"
    q.put((tag, __name__, SETTING, ctx))


def square(x):
    return x * x


if __name__ == "__main__":
    CONTEXT = {"pid": os.getpid()}
    SETTING = "changed after import"
    print(sorted(mp.get_all_start_methods()))
    for method in ("fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        print(method, ctx.get_start_method())
        q = ctx.Queue()
        p = ctx.Process(target=report, args=(q, method))
        p.start()
        print(q.get())
        p.join()
        print("exitcode", p.exitcode, "alive", p.is_alive())
        with ctx.Pool(2) as pool:
            print(pool.map(square, range(5)))
    try:
        mp.get_context("teleport")
    except ValueError as e:
        print("ValueError:", e)
