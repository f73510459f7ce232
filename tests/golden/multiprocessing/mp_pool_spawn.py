# Pool with spawn and forkserver workers
import multiprocessing as mp


def cube(x):
    return x ** 3


def fails(x):
    raise ValueError('bad %r' % (x,))


if __name__ == '__main__':
    for method in ('spawn', 'forkserver'):
        with mp.get_context(method).Pool(2) as pool:
            print(method, pool.map(cube, range(6)),
                  pool.apply_async(cube, (4,)).get(10),
                  list(pool.imap(cube, [5, 6])))
            try:
                pool.apply(fails, (7,))
            except ValueError as e:
                print('ValueError', e)
