# a caught exception carries .name and .obj but prints no suggestion
class C:
    value = 1
c = C()
try:
    c.valeu
except AttributeError as e:
    print(e, '|', e.name, e.obj is c)
try:
    undefined_thing
except NameError as e:
    print(e, '|', e.name)
try:
    getattr(c, 'valu')
except AttributeError as e:
    print(e, '|', e.name)
print(AttributeError('x').name, AttributeError('x').obj)
e = AttributeError('msg', name='n', obj=3)
print(e.name, e.obj)
class Custom:
    def __getattr__(self, name):
        raise AttributeError(f'no {name} here')
try:
    Custom().thing
except AttributeError as e:
    print(e, '|', e.name, type(e.obj).__name__)
raise AttributeError("raised by hand")
