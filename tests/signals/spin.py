# Spins until Ctrl-C (tests/run_signals.sh interrupts it).
i = 0
while True:
    i += 1
