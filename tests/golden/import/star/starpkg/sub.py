WHAT = "submodule named in __all__"
