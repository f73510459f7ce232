# parser: *iterable after **mapping in a call
f(**k, *a)
