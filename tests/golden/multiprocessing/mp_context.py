# Start methods and contexts
import multiprocessing as mp

if __name__ == '__main__':
    print(mp.get_all_start_methods())
    print(mp.get_start_method(allow_none=True))
    print(mp.get_start_method())
    try:
        mp.set_start_method('spawn')
    except RuntimeError as e:
        print('RuntimeError', e)
    mp.set_start_method('forkserver', force=True)
    print(mp.get_start_method())
    mp.set_start_method('fork', force=True)
    for method in ('fork', 'spawn', 'forkserver'):
        ctx = mp.get_context(method)
        print(method, ctx.get_start_method(), type(ctx).__name__,
              ctx.Process.__name__, ctx.Process().name)
    try:
        mp.get_context('threads')
    except ValueError as e:
        print('ValueError', e)
    try:
        mp.get_context('spawn').set_start_method('fork')
    except ValueError as e:
        print('ValueError', e)
    print(mp.cpu_count() >= 1, mp.Process().name, mp.get_context() is
          mp.get_context(None))
    try:
        mp.Process(group=1)
    except AssertionError as e:
        print('AssertionError', e)
