"""Structural subtyping with typing.Protocol: the note's Fittable.

Course note, section 3.1: train() should accept *anything* with a
.fit(X, y) method (a scikit-learn model, an XGBoost model, your own),
without a Union of every model class and without a shared base class.
A Protocol names the methods a type must have; a class matches it by
having them ("duck typing", checked statically by mypy), not by
inheriting from it.  At run time:

  * annotations are not enforced: train(anything) is called as written;
  * @runtime_checkable lets isinstance() check that the methods exist
    (names only, not their signatures);
  * a Protocol class itself cannot be instantiated.

Run:  build/minipy examples/protocol_fittable.py
"""
from typing import Protocol, runtime_checkable


class Fittable(Protocol):
    def fit(self, X, y): ...


@runtime_checkable
class CheckedFittable(Protocol):
    def fit(self, X, y): ...


def train(model: Fittable):
    return model.fit([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0])


# Three unrelated "model" classes: none inherits from Fittable.
class SklearnLikeRegression:
    def fit(self, X, y):
        n = len(X)
        xs = [row[0] for row in X]
        mx, my = sum(xs) / n, sum(y) / n
        sxy = sum((a - mx) * (b - my) for a, b in zip(xs, y))
        sxx = sum((a - mx) ** 2 for a in xs)
        self.coef_ = sxy / sxx
        self.intercept_ = my - self.coef_ * mx
        return self


class XGBoostLikeModel:
    def fit(self, X, y, eval_set=None):   # extra optional parameters are fine
        self.n_trees = len(y)
        return self


class MeanModel:
    def fit(self, X, y):
        self.mean = sum(y) / len(y)
        return self


class NotAModel:
    def predict(self, X):
        return X


print("1. train() accepts any class with fit()")
m = train(SklearnLikeRegression())
print(f"  linear fit: y = {m.coef_} * x + {m.intercept_}")
print("  XGBoost-like, n_trees =", train(XGBoostLikeModel()).n_trees)
print("  mean model, mean =", train(MeanModel()).mean)

print("2. annotations are not checked at run time")
try:
    train(NotAModel())
except AttributeError as e:
    print("  AttributeError:", e)
print("  train.__annotations__ =", train.__annotations__)

print("3. @runtime_checkable: isinstance() looks for the methods")
for obj in (SklearnLikeRegression(), XGBoostLikeModel(), NotAModel(), 42):
    print(f"  isinstance({type(obj).__name__}(), CheckedFittable) ->",
          isinstance(obj, CheckedFittable))
print("  issubclass(MeanModel, CheckedFittable) ->",
      issubclass(MeanModel, CheckedFittable))
print("  no inheritance involved:", CheckedFittable in MeanModel.__mro__)

print("4. without @runtime_checkable, isinstance() is refused")
try:
    isinstance(MeanModel(), Fittable)
except TypeError as e:
    print("  TypeError:", e)

print("5. a Protocol cannot be instantiated")
try:
    Fittable()
except TypeError as e:
    print("  TypeError:", e)

print("6. an explicit subclass inherits the protocol's methods")


class Explicit(Fittable):
    pass


print("  Explicit().fit(1, 2) ->", Explicit().fit(1, 2))
print("  Fittable._is_protocol:", Fittable._is_protocol,
      " Explicit._is_protocol:", Explicit._is_protocol)
