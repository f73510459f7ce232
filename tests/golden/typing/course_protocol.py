# The course note's example (section 3.1), exactly as written, then the
# runtime-checkable form: anything with .fit() is accepted.
from typing import Protocol, runtime_checkable

class Fittable(Protocol):
    def fit(self, X, y): ...

def train(model: Fittable): ...

class SklearnModel:
    def fit(self, X, y):
        return 'sklearn'

class XGBoostModel:
    def fit(self, X, y, eval_set=None):
        return 'xgboost'

class NotAModel:
    def predict(self, X):
        return 0

print(train(SklearnModel()), train.__annotations__)

@runtime_checkable
class RFittable(Protocol):
    def fit(self, X, y): ...

def train_checked(model):
    if not isinstance(model, RFittable):
        raise TypeError(f'{type(model).__name__} has no fit()')
    return model.fit([[1]], [1])

for m in (SklearnModel(), XGBoostModel(), NotAModel()):
    try:
        print(train_checked(m))
    except TypeError as e:
        print('rejected:', e)
print(issubclass(XGBoostModel, RFittable), issubclass(NotAModel, RFittable))
