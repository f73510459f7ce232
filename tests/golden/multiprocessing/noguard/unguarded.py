import multiprocessing as mp


def f():
    pass


ctx = mp.get_context('spawn')
p = ctx.Process(target=f)
p.start()
p.join()
print('exitcode', p.exitcode)
