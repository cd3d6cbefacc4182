"""The state model: how choices move the variables, and the two-year reoffending estimate.

All numbers live in content/model.yaml; this module only applies them. The estimate is a logistic
formula over "deficits" between 0 (best) and 1 (worst):

    risk = 1 / (1 + e^-z),   z = intercept + sum(weight_i * deficit_i)

where a protective variable v (wellbeing, education...) has deficit 1 - v/100 and a risk variable
(attitudes, peers, substance use, history) has deficit v/100. It is an illustration for learning,
not an assessment tool, and every weight names its source or says "assumption".
"""

from __future__ import annotations

import math
from operator import itemgetter
from dataclasses import dataclass
from typing import Any

from .rules.compile import NUMBER, Symbols
from .rules.compiled import Effect, Rule


@dataclass(slots=True)
class Factor:
    var: str
    weight: float
    kind: str
    sources: list
    note: dict | None


@dataclass(slots=True)
class Driver:
    """How much one factor adds to the current estimate."""

    var: str
    weight: float
    deficit: float
    contribution: float  # weight * deficit, in the formula's units (log-odds)
    if_best: float       # how many percentage points lower the risk would be at this factor's best


@dataclass(slots=True)
class Estimate:
    risk: float          # percent
    low: float
    high: float
    z: float
    drivers: list[Driver]


class Modifier:
    __slots__ = ("id", "name", "to", "applies", "cond", "factor", "why", "sources")

    def __init__(self, spec: dict, symbols: Symbols):
        self.id: str = spec["id"]
        self.name = spec["name"]
        self.to = frozenset(spec["to"])
        self.applies: str = spec.get("applies", "improvements")
        self.cond = Rule(spec["if"], symbols, modifier=True) if spec.get("if") else None
        self.factor = Rule(spec["factor"], symbols, NUMBER, modifier=True)
        self.why = spec["why"]
        self.sources = spec.get("sources", [])


class Model:
    """The model read from content: variables, modifiers, daily drift, risk formula."""

    def __init__(self, spec: dict, symbols: Symbols):
        self.spec = spec
        self.title = spec["title"]
        self.disclaimer = spec["disclaimer"]
        self.variables: dict[str, dict] = spec["variables"]
        self.kinds = {k: v["kind"] for k, v in self.variables.items()}
        self.starts = {k: float(v.get("start", 50)) for k, v in self.variables.items()}
        # the worst value a change may take each variable to: a floor for good things, a ceiling for risks
        self.floors = {k: float(v["floor"]) for k, v in self.variables.items() if v.get("floor") is not None}
        self.ceilings = {k: float(v["ceiling"]) for k, v in self.variables.items() if v.get("ceiling") is not None}
        self.modifiers = [Modifier(m, symbols) for m in spec.get("modifiers", [])]
        # (condition, effects, reason) per daily rule, for the player and for an officer's residents
        self.daily: list[tuple] = []
        self.daily_residents: list[tuple] = []
        for d in spec.get("daily", []):
            rule = (Rule(d["if"], symbols) if d.get("if") else None,
                    [Effect(e, symbols, d["why"]) for e in d["do"]], d["why"])
            (self.daily_residents if d.get("who") == "residents" else self.daily).append(rule)
        self.max_step = float(spec.get("max_step", 10))
        risk = spec["risk"]
        self.intercept = float(risk["intercept"])
        self.uncertainty = float(risk.get("uncertainty", 10))
        self.explain = risk["explain"]
        self.anchors = risk.get("anchors", [])
        self.sources = risk.get("sources", [])
        self.factors = [Factor(f["var"], float(f["weight"]), self.kinds.get(f["var"], "risk"),
                               f["sources"], f.get("note")) for f in risk["factors"]]
        # Precomputed for the hot paths (every choice computes the risk twice and scales each change):
        # (variable, weight, protective?, value when missing) per factor, and the modifiers per variable.
        # the values the risk formula reads, as a tuple (a KeyError when one is not set)
        self.risk_values = itemgetter(*(f.var for f in self.factors)) if len(self.factors) > 1 \
            else lambda values: tuple(values[f.var] for f in self.factors)
        self._terms = tuple((f.var, f.weight, self.kinds.get(f.var) == "protective", self.starts.get(f.var, 50.0))
                            for f in self.factors)
        self._scaling = {var: self._scaling_of(var) for var in self.variables}

    # -- changes -------------------------------------------------------------------------
    def is_improvement(self, var: str, delta: float) -> bool:
        return delta < 0 if self.kinds.get(var) == "risk" else delta > 0

    def _scaling_of(self, var: str) -> tuple[bool, tuple, tuple]:
        """(is a risk variable, modifiers scaling an improvement, modifiers scaling a worsening); each
        modifier as (condition, factor, id), in order."""
        def chosen(improving: bool) -> tuple:
            return tuple((m.cond, m.factor, m.id) for m in self.modifiers
                         if var in m.to and not (m.applies == "improvements" and not improving)
                         and not (m.applies == "worsenings" and improving))
        return self.kinds.get(var) == "risk", chosen(True), chosen(False)

    def scale(self, var: str, delta: float, subject: dict[str, float], ctx: Any) -> tuple[float, list[str]]:
        """The change after the modifiers that apply, and the ids of those modifiers."""
        applied: list[str] = []
        return self.scaled(var, delta, subject, ctx, applied), applied

    def scaled(self, var: str, delta: float, subject: dict[str, float], ctx: Any,
               applied: list[str] | None = None) -> float:
        """The change after the modifiers that apply (whose ids are added to `applied`, if given).
        The engine calls this for every change a choice makes."""
        if not self.modifiers or delta == 0:
            return delta
        scaling = self._scaling.get(var)
        if scaling is None:
            scaling = self._scaling_of(var)
        is_risk, if_better, if_worse = scaling
        mods = if_better if ((delta < 0) if is_risk else (delta > 0)) else if_worse  # is_improvement()
        if mods:
            # `value` and `delta` mean something only inside a modifier, so they are set, not restored
            saved_subject = ctx.subject
            ctx.subject, ctx.value, ctx.delta = subject, subject.get(var, 0.0), delta
            try:
                for cond, factor, mod_id in mods:  # rules called as `rule.fn or rule`: see Engine.choices
                    if cond is not None and not (cond.fn or cond)(ctx):
                        continue
                    f = (factor.fn or factor)(ctx)  # compiled number rules give ints and floats
                    delta *= f if f > 0.0 else 0.0
                    if applied is not None:
                        applied.append(mod_id)
            finally:
                ctx.subject = saved_subject
        step = self.max_step
        if not -step <= delta <= step:
            delta = max(-step, min(step, delta))
        return delta

    # -- the estimate --------------------------------------------------------------------
    def deficit(self, var: str, value: float) -> float:
        v = min(100.0, max(0.0, value)) / 100.0
        return 1.0 - v if self.kinds.get(var) == "protective" else v

    def z(self, values: dict[str, float]) -> float:
        # `deficit()` inlined, and values read by subscript: this runs twice for every choice made.
        z = self.intercept
        try:
            for var, weight, protective, start in self._terms:
                v = values[var]
                if not 0.0 <= v <= 100.0:
                    v = min(100.0, max(0.0, v))
                v = v / 100.0
                z += weight * (1.0 - v if protective else v)
            return z
        except KeyError:  # a variable not set yet counts at its start value
            z = self.intercept
            for var, weight, protective, start in self._terms:
                v = values.get(var, start)
                if not 0.0 <= v <= 100.0:
                    v = min(100.0, max(0.0, v))
                v = v / 100.0
                z += weight * (1.0 - v if protective else v)
            return z

    def risk(self, values: dict[str, float]) -> float:
        """Estimated two-year reoffending risk in percent."""
        return 100.0 / (1.0 + math.exp(-self.z(values)))

    def estimate(self, values: dict[str, float]) -> Estimate:
        """The estimate with its uncertainty band and the factors that drive it most."""
        z = self.z(values)
        p = 100.0 / (1.0 + math.exp(-z))
        drivers = []
        for f in self.factors:
            d = self.deficit(f.var, values.get(f.var, self.starts.get(f.var, 50.0)))
            contribution = f.weight * d
            best = 100.0 / (1.0 + math.exp(-(z - contribution)))
            drivers.append(Driver(f.var, f.weight, d, contribution, p - best))
        drivers.sort(key=lambda dr: -dr.contribution)
        u = self.uncertainty
        return Estimate(p, max(0.0, p - u), min(100.0, p + u), z, drivers)

    def values_from_deficits(self, deficits: dict[str, float]) -> dict[str, float]:
        """Variable values that give these deficits (used by the calibration tests)."""
        out = {}
        for var, d in deficits.items():
            out[var] = (1.0 - d) * 100.0 if self.kinds.get(var) == "protective" else d * 100.0
        return out
