# sys facts about the start-up: orig_argv, _xoptions, warnoptions,
# builtin_module_names, dont_write_bytecode, is_finalizing (False until
# after the atexit callbacks, True when __del__ runs at shutdown).
import sys, atexit
print(type(sys.orig_argv).__name__, sys.orig_argv[-2:])
# (the leak-checking run adds -X showrefcount in front)
print({k: v for k, v in sys._xoptions.items() if k != 'showrefcount'},
      sys.warnoptions)
print(isinstance(sys.builtin_module_names, tuple), 'sys' in sys.builtin_module_names, 'builtins' in sys.builtin_module_names, 'math' in sys.builtin_module_names or 'math' not in sys.builtin_module_names)
print(list(sys.builtin_module_names) == sorted(sys.builtin_module_names))
print(sys.dont_write_bytecode, sys.pycache_prefix, sys.is_finalizing())
print(type(sys.getallocatedblocks()).__name__)
class D:
    def __del__(self):
        print('finalizing in __del__:', sys.is_finalizing())
d = D()
atexit.register(lambda: print('finalizing in atexit:', sys.is_finalizing()))
