"""multiprocessing's three start methods: fork, spawn, forkserver.

Course note, section 2.1:
  * fork (the Unix default): the child is a copy of the parent process,
    memory included (copy-on-write).  Fast, and the child sees everything
    the parent had, including state that must not be shared: a CUDA
    context (or a lock held by another thread, an open connection) is
    copied but not usable in the child.
  * spawn (the Windows and macOS default): the child is a fresh
    interpreter that imports the main module again (as __mp_main__, so
    the `if __name__ == "__main__"` block does not re-run) and receives
    the target and its arguments by pickling.  Slower; safe for CUDA.
  * forkserver: a clean server process is started once (like spawn); each
    child is then forked from it, so it is quick and never inherits the
    parent's later state.

Here the parent creates a pretend "GPU context" after import, inside the
__main__ block.  Each child reports whether it sees the parent's context.
Start-up times are measured and vary from run to run.

Run:  build/minipy examples/fork_spawn_forkserver.py
"""
import multiprocessing as mp
import os
import time

GPU_CONTEXT = None                 # set up by the parent's __main__ block
SETTING = "module default"


def child(queue, method):
    if GPU_CONTEXT is None:
        seen = "no context: the child must create its own (safe)"
    elif GPU_CONTEXT["owner_pid"] != os.getpid():
        seen = "the PARENT's context, copied: unusable here (the fork danger)"
    else:
        seen = "its own context"
    queue.put((method, __name__, SETTING, seen))


if __name__ == "__main__":
    GPU_CONTEXT = {"owner_pid": os.getpid(), "device": "cuda:0"}
    SETTING = "changed by the parent after import"
    print("available start methods:", sorted(mp.get_all_start_methods()))
    runs = ("fork", "spawn", "forkserver", "forkserver")
    for i, method in enumerate(runs):
        ctx = mp.get_context(method)
        queue = ctx.Queue()
        t0 = time.perf_counter()
        proc = ctx.Process(target=child, args=(queue, method))
        proc.start()
        _, module, setting, seen = queue.get()
        proc.join()
        ms = (time.perf_counter() - t0) * 1000
        again = method in runs[:i]
        print(f"--- {method}" + (" again (its server is running now)" if again else ""))
        print(f"  child's __name__ for the main module: {module}")
        print(f"  child's SETTING: {setting}")
        print(f"  child's GPU_CONTEXT: {seen}")
        print(f"  exit code {proc.exitcode}; start to join {ms:.0f} ms"
              "   (measured, varies)")
