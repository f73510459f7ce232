# parser: an illegal target for augmented assignment
[a, b] += 1
