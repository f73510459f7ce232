# math: constants and the libm wrappers (mathmodule.c math_1), values as CPython
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(type(math.pi), math.isnan(math.nan), math.isinf(math.inf))
for x in [0.0, 0.5, 1, 2, 10, 1e-10, 123.456]:
    print(x, math.sqrt(x), math.exp(x), math.expm1(x), math.log1p(x))
for x in [0.1, 1, 2.5, 100, 2**60, 10**30]:
    print(x, math.log(x), math.log2(x), math.log10(x), math.log(x, 3))
print(math.log(8, 2), math.log(100, 10), math.log(2**2000, 2), math.log(10**400))
print(math.log2(2**1000), math.log10(10**500), math.log(True))
for x in [-1.0, -0.5, 0.0, 0.3, 1.0]:
    print(x, math.sin(x), math.cos(x), math.tan(x), math.asin(x), math.acos(x),
          math.atan(x))
for x in [-2.0, 0.0, 0.7, 3.0]:
    print(x, math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x))
print(math.acosh(1), math.acosh(2.5), math.atanh(0.5), math.atanh(-0.25))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0.0, -0.0), math.atan2(-0.0, 1))
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.hypot(1, 2, 3, 4))
print(math.hypot(1e308, 1e308), math.hypot(1e-320, 1e-320), math.hypot(math.inf, math.nan))
print(math.hypot(math.nan, 1), math.hypot(0.1, 0.2, 0.3), math.hypot(3, 4.5, 6))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], [1, 1, 1]), math.dist((), ()))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(1))
print(math.fabs(-3), math.fabs(-0.0), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5, math.inf))
print(math.remainder(7, 3), math.remainder(5, 2), math.remainder(7, 2), math.remainder(-7, 3))
print(math.remainder(3, math.inf), math.remainder(math.nan, 1))
print(math.modf(3.5), math.modf(-3.5), math.modf(math.inf), math.modf(-math.inf), math.modf(5))
print(math.frexp(8), math.frexp(0.1), math.frexp(0.0), math.frexp(-math.inf), math.frexp(1e-320))
print(math.ldexp(0.5, 4), math.ldexp(1, -1075), math.ldexp(1, -1074), math.ldexp(-0.0, 5),
      math.ldexp(1e-300, -10**30), math.ldexp(math.inf, -5))
print(math.pow(2, 10), math.pow(2, -1), math.pow(-2, 3), math.pow(0, 0), math.pow(math.nan, 0))
print(math.pow(1, math.nan), math.pow(math.inf, -3), math.pow(-math.inf, 3), math.pow(-math.inf, 2))
print(math.pow(0.5, math.inf), math.pow(2, -math.inf), math.pow(-1, math.inf), math.pow(0.0, 3))
print(math.isfinite(1), math.isfinite(math.inf), math.isfinite(math.nan), math.isnan(1))
print(math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2))
print(math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan), math.isclose(a=1, b=1))
print(math.ulp(1.0), math.ulp(-2.0), math.ulp(0.0), math.ulp(1e308), math.ulp(math.inf),
      math.ulp(1.7976931348623157e308), math.ulp(math.nan))
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, -1), math.nextafter(3, 3))
print(math.cbrt(27), math.cbrt(-8), math.exp2(10), math.exp2(-1), math.exp2(0.5))
print(math.erf(0), math.erf(1), math.erfc(0), math.erfc(2))
print([math.gamma(n) for n in range(1, 24)], round(math.gamma(0.5), 12), math.gamma(-1.5) > 0)
print(math.lgamma(1), math.lgamma(2), math.lgamma(math.inf), math.lgamma(-math.inf))
print(math.gamma(math.inf), math.isnan(math.gamma(math.nan)))
print(math.sqrt(math.inf), math.exp(-math.inf), math.log(math.inf), math.isnan(math.sin(math.nan)))
print(math.ldexp(1, -24), [math.ulp(2.0 ** e) for e in (-30, -10, 0, 10, 52)])
