import main_twice
seen = main_twice
print("helper: imported", main_twice.__name__, "partially:", not hasattr(main_twice, "twice_helper"))
