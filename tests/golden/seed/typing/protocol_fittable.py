# 3.1 Protocols: structural subtyping.  Anything with a fit() method is a
# Fittable without inheriting from it; at run time, annotations are not
# enforced, and @runtime_checkable allows isinstance() checks of the
# methods' presence.
from typing import Protocol, runtime_checkable, get_type_hints


class Fittable(Protocol):
    def fit(self, X, y): ...


@runtime_checkable
class RFittable(Protocol):
    def fit(self, X, y): ...


@runtime_checkable
class Predictor(Protocol):
    threshold: float

    def predict(self, X): ...


def train(model: Fittable) -> Fittable:
    return model.fit([[1.0], [2.0]], [2.0, 4.0])


class Sk:
    def fit(self, X, y):
        self.coef_ = y[0] / X[0][0]
        return self


class Xgb:
    def fit(self, X, y, eval_set=None):
        self.rounds = len(y)
        return self


class Plain:
    def predict(self, X):
        return X


class WithThreshold:
    threshold = 0.5

    def predict(self, X):
        return X


print(train(Sk()).coef_, train(Xgb()).rounds)
try:
    train(Plain())
except AttributeError as e:
    print("AttributeError:", e)
print(get_type_hints(train))
print([isinstance(o, RFittable) for o in (Sk(), Xgb(), Plain(), 1, None)])
print(issubclass(Sk, RFittable), issubclass(Plain, RFittable))
print(isinstance(WithThreshold(), Predictor), isinstance(Plain(), Predictor))
print(RFittable in Sk.__mro__, Sk.__mro__)
for thing in (lambda: isinstance(Sk(), Fittable),
              lambda: issubclass(Sk, Fittable),
              lambda: issubclass(Sk, Predictor),
              lambda: Fittable(),
              lambda: RFittable()):
    try:
        thing()
    except TypeError as e:
        print("TypeError:", e)


class Explicit(Fittable):
    pass


print(Explicit().fit(1, 2), isinstance(Explicit(), RFittable))
print(Fittable._is_protocol, Explicit._is_protocol)
print(Fittable.__mro__)


class Sub(Fittable, Protocol):
    def score(self): ...


print(Sub._is_protocol, sorted(n for n in Sub.__dict__ if n in ("fit", "score")))
try:
    class Bad(Protocol, Sk):
        pass
except TypeError as e:
    print("TypeError:", e)


# a class attribute set to None means "not implemented"
class NoFit:
    fit = None


print(isinstance(NoFit(), RFittable))
