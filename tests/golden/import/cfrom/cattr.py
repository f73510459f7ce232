import cattr2
value = 42
