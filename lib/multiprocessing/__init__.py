"""multiprocessing: processes, pipes, queues and shared memory.

Only the package marker lives here for now, so that
multiprocessing.shared_memory can be imported; the process machinery
(Process, Pipe, Queue, Pool, the start methods) is written separately.
"""
