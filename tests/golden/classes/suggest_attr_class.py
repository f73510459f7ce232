# "Did you mean" for a class attribute, found along the MRO
class Base:
    def render(self):
        return 'base'
class Child(Base):
    pass
Child.rendr
