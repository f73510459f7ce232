# parser: an else with nothing to attach to
else:
    pass
