# Pipe and Connection: duplex and simplex, objects and raw messages
import multiprocessing as mp


def echo(conn):
    while True:
        obj = conn.recv()
        if obj == 'STOP':
            break
        conn.send(('echo', obj))
    conn.close()


def raw(conn):
    data = conn.recv_bytes()
    conn.send_bytes(data[::-1])
    conn.send_bytes(b'0123456789', 2, 3)
    conn.close()


if __name__ == '__main__':
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(a,))
    p.start()
    a.close()
    for obj in (None, 1, 'two', [3, (4, 5.5)], {'six': {7}}, b'\x00\xff',
                list(range(20000))):
        b.send(obj)
        tag, back = b.recv()
        print(tag, back == obj, type(back).__name__)
    b.send('STOP')
    b.close()
    p.join()
    print('echo exit', p.exitcode)

    a, b = mp.Pipe()
    p = mp.Process(target=raw, args=(b,))
    p.start()
    big = bytes(range(256)) * 1000
    a.send_bytes(big)
    print(a.recv_bytes() == big[::-1], a.recv_bytes())
    print(a.poll(0.5), a.poll())
    p.join()
    b.close()
    try:
        a.recv_bytes()
    except EOFError:
        print('EOFError after the other end closed')
    a.close()

    r, w = mp.Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    print(r.poll(), r.poll(0.05))
    w.send({'k': 'v'})
    print(r.poll(), r.recv())
    for conn, op in ((r, 'send'), (w, 'recv')):
        try:
            getattr(conn, op)(1) if op == 'send' else conn.recv()
        except OSError as e:
            print('OSError', e)
    w.send_bytes(bytearray(b'abcdef'), 1)
    buf = bytearray(10)
    print(r.recv_bytes_into(buf, 2), buf)
    for args in ((b'ab', -1), (b'ab', 3), (b'ab', 0, 5), (b'ab', 0, -1)):
        try:
            w.send_bytes(*args)
        except ValueError as e:
            print('ValueError', e)
    w.close()
    print(w.closed, r.closed)
    try:
        w.send(1)
    except OSError as e:
        print('OSError', e)
    r.close()
    try:
        mp.connection.Connection(-1)
    except ValueError as e:
        print('ValueError', e)
    print(mp.connection.wait([], timeout=0.01))
