# run by -i: SystemExit is printed as a traceback and the REPL starts
import sys
x = 7
sys.exit(4)
