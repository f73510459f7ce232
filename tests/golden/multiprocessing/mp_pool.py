# Pool: map, starmap, apply_async, imap, errors, the context manager
import multiprocessing as mp


def square(x):
    return x * x


def add(a, b):
    return a + b


def div(a, b):
    return a / b


def inv(x):
    return 1 / x


def init(v):
    global base
    base = v


def with_base(x):
    return base + x


if __name__ == '__main__':
    with mp.Pool(3) as pool:
        print(pool.map(square, range(12)))
        print(pool.map(square, range(7), chunksize=3))
        print(pool.map(square, []))
        print(pool.starmap(add, [(1, 2), (3, 4), ('a', 'b')]))
        r = pool.apply_async(add, (20, 22))
        print(r.get(timeout=10), r.ready(), r.successful())
        print(list(pool.imap(square, range(8))))
        print(list(pool.imap(square, range(8), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(8))))
        print(pool.apply(add, ('x', 'y')))
        got = []
        r = pool.map_async(square, range(5), callback=got.append)
        r.wait()
        print(r.get(), got)
        try:
            pool.apply(div, (1, 0))
        except ZeroDivisionError as e:
            print('ZeroDivisionError', e)
        errors = []
        r = pool.apply_async(div, (1, 0), error_callback=errors.append)
        r.wait()
        print(r.successful(), [type(e).__name__ for e in errors])
        try:
            pool.map(inv, [1, 0, 2], chunksize=1)
        except ZeroDivisionError as e:
            print('map: ZeroDivisionError', e)
        it = pool.imap(inv, [1, 0])
        print(next(it))
        try:
            next(it)
        except ZeroDivisionError:
            print('imap: ZeroDivisionError')
    try:
        pool.map(square, [1])
    except ValueError as e:
        print('ValueError', e)
    pool = mp.Pool(2, initializer=init, initargs=(100,))
    print(pool.map(with_base, range(4)))
    pool.close()
    pool.join()
    try:
        mp.Pool(0)
    except ValueError as e:
        print('ValueError', e)
