# statements: raise forms including raise from
raise
raise ValueError
raise ValueError("x")
raise ValueError from None
raise E() from exc
