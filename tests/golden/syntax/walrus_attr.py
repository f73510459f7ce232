# parser: the walrus with an attribute target
(a.b := 1)
