# Classes: __init__, methods, class attributes, inheritance, __repr__, isinstance.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " makes a sound"

    def __repr__(self):
        return "Animal(" + repr(self.name) + ")"

class Dog(Animal):
    def speak(self):
        return self.name + " barks"

d = Dog("Rex")
print(d.speak(), Animal("Cat").speak())
print(d, isinstance(d, Animal), issubclass(Dog, Animal), Dog.kind)
print(Dog.__mro__)
print(type(d).__name__, d.__class__ is Dog)
