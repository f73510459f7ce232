# time.sleep: Ctrl-C interrupts the sleep with KeyboardInterrupt (timemodule.c time_sleep)
import time

time.sleep(30)
print("not reached")
