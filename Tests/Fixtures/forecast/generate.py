#!/usr/bin/env python3
"""Writes forecast.json: series and statsmodels' Holt / Holt-Winters forecasts with fixed parameters.

statsmodels 0.15's ExponentialSmoothing forecasts h = m, 2m, … with the seasonal state of one season before the
last (its _predict overwrites s[nobs + m - 1], the newest state, with s[nobs - 1]); FPP3 §8.3 uses the newest,
sₜ₊ₕ₋ₘ₍ₖ₊₁₎. So every case also carries "textbook": the forecasts by FPP3's equations in numpy, for all h.

perfdash's HoltForecaster initialises Holt with level = y[1], trend = y[1] - y[0] and Holt-Winters with
level = mean(y[:m]), trend = 0, seasonals = y[:m] - level; statsmodels gets the same states as "known" initial
values and the rest of the series, so both must forecast the same numbers.

    pip install statsmodels numpy && python3 Tests/Fixtures/forecast/generate.py [output.json]
"""
import json
import os
import sys
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.holtwinters import ExponentialSmoothing, Holt

warnings.filterwarnings("ignore")
rng = np.random.default_rng(20261202)
cases = []

for alpha, beta in [(0.5, 0.1), (0.3, 0.3), (0.9, 0.05)]:
    y = 40 + 0.7 * np.arange(60) + rng.normal(0, 2.5, 60)
    fit = Holt(y[2:], initialization_method="known", initial_level=y[1], initial_trend=y[1] - y[0]).fit(
        smoothing_level=alpha, smoothing_trend=beta, optimized=False)
    cases.append({"name": f"holt a{alpha} b{beta}", "alpha": alpha, "beta": beta, "gamma": 0, "season": None,
                  "series": y.tolist(), "forecast": fit.forecast(12).tolist(),
                  "textbook": fit.forecast(12).tolist(),  # no seasonal state: the same numbers
                  "level": float(fit.level[-1]), "trend": float(fit.trend[-1])})

for alpha, beta, gamma, m in [(0.5, 0.1, 0.2, 6), (0.3, 0.05, 0.4, 12)]:
    n = 8 * m
    t = np.arange(n)
    y = 100 + 0.4 * t + 15 * np.sin(2 * np.pi * t / m) + rng.normal(0, 1.5, n)
    first = y[:m]
    level = first.mean()
    fit = ExponentialSmoothing(y[m:], trend="add", seasonal="add", seasonal_periods=m,
                               initialization_method="known", initial_level=level, initial_trend=0.0,
                               initial_seasonal=first - level).fit(
        smoothing_level=alpha, smoothing_trend=beta, smoothing_seasonal=gamma, optimized=False)
    lv, tr, season = level, 0.0, list(first - level)
    for v in y[m:]:
        old = season[0]
        new_level = alpha * (v - old) + (1 - alpha) * (lv + tr)
        new_trend = beta * (new_level - lv) + (1 - beta) * tr
        season = season[1:] + [gamma * (v - lv - tr) + (1 - gamma) * old]
        lv, tr = new_level, new_trend
    textbook = [lv + h * tr + season[(h - 1) % m] for h in range(1, 2 * m + 2)]
    cases.append({"name": f"holt-winters m{m}", "alpha": alpha, "beta": beta, "gamma": gamma, "season": m,
                  "series": y.tolist(), "forecast": fit.forecast(2 * m + 1).tolist(), "textbook": textbook,
                  "level": float(fit.level[-1]), "trend": float(fit.trend[-1])})

out = {"statsmodels": statsmodels.__version__, "cases": cases}
default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "forecast.json")
with open(sys.argv[1] if len(sys.argv) > 1 else default, "w") as f:
    json.dump(out, f)
    f.write("\n")
