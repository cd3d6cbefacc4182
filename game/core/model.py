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
from typing import Any, Callable, ClassVar, Literal

from . import spec as s
from .rules.compile import NUMBER
from .rules.compiled import Effect, Rule, Text
from .world import Source

# -- the model's format: content/model.yaml, declared once (see spec.py) ----------------------------
# These records are what `Model` reads, and at the same time the description of the `model:` section:
# the loader checks it against them, the builder makes them, the JSON Schema and docs/content-format.md
# are generated from them.


@dataclass(slots=True, kw_only=True)
class ModelVariable:
    """A state variable of the model, 0-100, shown as a meter."""

    WHAT: ClassVar[str] = "model variable"
    id: str = s.derived("")
    name: Text = s.text("Label shown on the meter.", True)
    kind: Literal["protective", "risk", "fixed", "modifier"] = s.one_of(
        ("protective", "risk", "fixed", "modifier"),
        "protective: higher is better; risk: higher is worse; fixed: never changes in play; "
        "modifier: no weight of its own, it changes how much other choices count.", True)
    start: float = s.number("Starting value (0-100) when a profile does not say.", default=50, lo=0, hi=100)
    description: Text = s.text("What the variable stands for, in plain words.", True)
    icon: str | None = s.string("Icon name in assets/icons/ (without .svg).")
    floor: float | None = s.number("For a protective or modifier variable: losses stop at this value (a second "
                                   "chance: the story never takes it lower). Left out, losses may go down to 0.",
                                   lo=0, hi=100)
    ceiling: float | None = s.number("For a risk variable: increases stop at this value (no one is beyond "
                                     "reach). Left out, a risk may rise to 100.", lo=0, hi=100)


@dataclass(slots=True, kw_only=True)
class Modifier:
    """How much a change counts, by state: a factor applied to changes of some variables."""

    WHAT: ClassVar[str] = "modifier"
    id: str = s.name("A name for the modifier.", True)
    name: Text = s.text("What it is called in the journal.", True)
    to: tuple[str, ...] = s.refs("variable", "Which variables' changes it scales.", True)
    applies: Literal["improvements", "worsenings", "all"] = s.one_of(
        ("improvements", "worsenings", "all"), "Which changes it scales.", default="improvements")
    cond: Rule | None = s.condition("Only while this holds.", modifier=True)
    factor: Rule = s.condition("A number rule: the change is multiplied by it. 'value' is the variable's "
                               "current value, 'delta' the change before scaling.", True, key="factor",
                               want=NUMBER, modifier=True)
    why: Text = s.text("The reason, shown in the journal.", True)
    sources: list[Source] = s.sources("Evidence, or the word 'assumption'.")


@dataclass(slots=True, kw_only=True)
class DailyRule:
    """Drift at the end of a day: effects on the player, or on each resident an officer follows."""

    WHAT: ClassVar[str] = "daily rule"
    who: Literal["player", "residents"] = s.one_of(
        ("player", "residents"), "player: the resident the player plays; residents: each resident an officer "
        "campaign follows, in turn (bare variables mean that resident's).", default="player")
    cond: Rule | None = s.condition("Applies at the end of a day when this holds.")
    effects: list[Effect] = s.effects("Effects on the subject(s).", True)
    why: Text = s.text("Reason shown in the end-of-day summary.", True)


def logistic(z: float) -> float:
    """100 / (1 + e^-z), in percent, for any z: no overflow however far the weights push it."""
    if z != z:
        return 50.0
    if z >= 0:
        return 100.0 / (1.0 + math.exp(-min(z, 700.0)))
    e = math.exp(max(z, -700.0))
    return 100.0 * e / (1.0 + e)


MAX_WEIGHT = 50  # a logistic weight or intercept beyond this says the same as 50: certainty


@dataclass(slots=True, kw_only=True)
class Factor:
    """A weighted factor of the risk formula."""

    WHAT: ClassVar[str] = "risk factor"
    var: str = s.ref("variable", "A model variable.", True)
    weight: float = s.number("Its weight in the logistic formula.", True, lo=-MAX_WEIGHT, hi=MAX_WEIGHT)
    sources: list[Source] = s.sources("Evidence for the weight, or the word 'assumption'.", True)
    note: Text | None = s.text("A plain-language note for the 'How is this calculated?' page.")
    kind: str = s.derived("risk")  # its variable's kind, filled in by the Model


@dataclass(slots=True, kw_only=True)
class Anchor:
    """A state the formula is calibrated on: the risk it should give there (tested)."""

    WHAT: ClassVar[str] = "calibration anchor"
    name: Text = s.text("What the state stands for.", True)
    values: dict[str, float] = s.values("Variable values.", "variable", 0, 100, True)
    expect: float = s.number("The risk in percent the formula should give.", True, lo=0, hi=100)


@dataclass(slots=True, kw_only=True)
class RiskFormula:
    """The two-year reoffending estimate."""

    WHAT: ClassVar[str] = "risk formula"
    intercept: float = s.number("The constant term of the logistic formula.", True, lo=-MAX_WEIGHT,
                                hi=MAX_WEIGHT)
    uncertainty: float = s.number("Plus/minus points shown around the estimate.", default=10, lo=0, hi=50)
    factors: list[Factor] = s.records(Factor, "Weighted factors.", True, min_items=1)
    explain: Text = s.text("The formula in plain words.", True)
    anchors: list[Anchor] = s.records(Anchor, "States the formula is calibrated on (tested).")
    sources: list[Source] = s.sources("Sources for the intercept and overall calibration.")


@dataclass(slots=True, kw_only=True)
class ModelSpec:
    """The state model: its variables, how changes count, the daily drift and the risk formula."""

    WHAT: ClassVar[str] = "model"
    title: Text = s.text("Name of the model on the 'How is this calculated?' page.", True)
    disclaimer: Text = s.text("Says plainly that this is an illustration for learning.", True)
    variables: dict[str, ModelVariable] = s.table(ModelVariable, "The state variables, 0-100.", True)
    modifiers: list[Modifier] = s.records(Modifier, "How much a change counts, by state.")
    daily: list[DailyRule] = s.records(DailyRule, "Drift applied at the end of each day.")
    max_step: float = s.number("Largest change one effect may make after scaling.", default=10, lo=0)
    risk: RiskFormula = s.record(RiskFormula, "The two-year reoffending estimate.", True)


# -- what the model computes -------------------------------------------------------------------------
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


# A modifier as the hot path applies it: (condition, factor, id)
Scaling = tuple[Rule | None, Rule, str]


class Model:
    """The model read from content (`ModelSpec`), with what the hot paths need worked out once."""

    def __init__(self, spec: ModelSpec):
        self.spec = spec
        self.title = spec.title
        self.disclaimer = spec.disclaimer
        self.variables = spec.variables
        self.kinds = {k: v.kind for k, v in self.variables.items()}
        self.starts = {k: float(v.start) for k, v in self.variables.items()}
        # the worst value a change may take each variable to: a floor for good things, a ceiling for risks
        self.floors = {k: float(v.floor) for k, v in self.variables.items() if v.floor is not None}
        self.ceilings = {k: float(v.ceiling) for k, v in self.variables.items() if v.ceiling is not None}
        self.modifiers = spec.modifiers
        # the daily rules for the player, and for an officer's residents
        self.daily = [d for d in spec.daily if d.who != "residents"]
        self.daily_residents = [d for d in spec.daily if d.who == "residents"]
        self.max_step = float(spec.max_step)
        risk = spec.risk
        self.intercept = float(risk.intercept)
        self.uncertainty = float(risk.uncertainty)
        self.explain = risk.explain
        self.anchors = risk.anchors
        self.sources = risk.sources
        self.factors = risk.factors
        for f in self.factors:
            f.weight = float(f.weight)
            f.kind = self.kinds.get(f.var, "risk")
        # Precomputed for the hot paths (every choice computes the risk twice and scales each change):
        # the values the risk formula reads, as a tuple (a KeyError when one is not set)
        self.risk_values: Callable[[dict[str, float]], tuple[float, ...]] = \
            itemgetter(*(f.var for f in self.factors)) if len(self.factors) > 1 \
            else lambda values: tuple(values[f.var] for f in self.factors)
        # (variable, weight, protective?, value when missing) per factor, and the modifiers per variable
        self._terms = tuple((f.var, f.weight, self.kinds.get(f.var) == "protective", self.starts.get(f.var, 50.0))
                            for f in self.factors)
        self._scaling = {var: self._scaling_of(var) for var in self.variables}

    # -- changes -------------------------------------------------------------------------
    def is_improvement(self, var: str, delta: float) -> bool:
        return delta < 0 if self.kinds.get(var) == "risk" else delta > 0

    def _scaling_of(self, var: str) -> tuple[bool, tuple[Scaling, ...], tuple[Scaling, ...]]:
        """(is a risk variable, modifiers scaling an improvement, modifiers scaling a worsening); each
        modifier as (condition, factor, id), in order."""
        def chosen(improving: bool) -> tuple[Scaling, ...]:
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
        return logistic(self.z(values))

    def estimate(self, values: dict[str, float]) -> Estimate:
        """The estimate with its uncertainty band and the factors that drive it most."""
        z = self.z(values)
        p = logistic(z)
        drivers = []
        for f in self.factors:
            d = self.deficit(f.var, values.get(f.var, self.starts.get(f.var, 50.0)))
            contribution = f.weight * d
            best = logistic(z - contribution)
            drivers.append(Driver(f.var, f.weight, d, contribution, p - best))
        drivers.sort(key=lambda dr: -dr.contribution)
        u = self.uncertainty
        return Estimate(p, max(0.0, p - u), min(100.0, p + u), z, drivers)

    def values_from_deficits(self, deficits: dict[str, float]) -> dict[str, float]:
        """Variable values that give these deficits (used by the calibration tests)."""
        out: dict[str, float] = {}
        for var, d in deficits.items():
            out[var] = (1.0 - d) * 100.0 if self.kinds.get(var) == "protective" else d * 100.0
        return out
