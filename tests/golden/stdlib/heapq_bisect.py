# heapq and bisect: heap invariant, pops in order, merge, n-largest ties, bisection
import heapq
import bisect

state = 7


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n


h = []
for i in range(200):
    heapq.heappush(h, rand(1000))
    for k in range(1, len(h)):
        assert h[(k - 1) // 2] <= h[k]
out = [heapq.heappop(h) for _ in range(len(h))]
print(out == sorted(out), out[:5], len(out))
data = [5, 1, 9, 3, 7, 1, 8]
heapq.heapify(data)
print(data, heapq.heappop(data), heapq.heapreplace(data, 0), data, heapq.heappushpop(data, -1), heapq.heappushpop(data, 100), data)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge()), list(heapq.merge([3, 1], [2], reverse=True)))
print(list(heapq.merge(['b', 'C'], ['A', 'd'], key=str.lower)), list(heapq.merge([(1, 'a'), (2, 'x')], [(1, 'b')], key=lambda t: t[0])))
words = ['bb', 'a', 'ccc', 'dd', 'e', 'ff']
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len), heapq.nlargest(2, [3, 1, 3, 2]), heapq.nsmallest(0, [1]), heapq.nlargest(10, [2, 1]))
for f, args in [(heapq.heappop, ([],)), (heapq.heappush, (1, 2)), (heapq.heapify, ((),)), (heapq.heapreplace, ([], 1))]:
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__ + ':', e)
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect_right(a, 9))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, hi=1))
bisect.insort(a, 4)
bisect.insort_left(a, 2)
bisect.insort_right(a, 0)
print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('x', 4), key=lambda r: r[1])
print(recs)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect(a, 1, -1)
except ValueError as e:
    print('ValueError:', e)
