# statements: try/except* (PEP 654)
try:
    f()
except* ValueError:
    pass
except* (TypeError, OSError) as eg:
    handle(eg)
else:
    pass
finally:
    cleanup()
