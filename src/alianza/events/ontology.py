"""The PLOVER ontology as data: quad class, CAMEO code and cooperation/conflict weight per type and mode."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafiles import Problem, data_dir, load_yaml, raise_problems

QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")


@dataclass(frozen=True, slots=True)
class Mode:
    cameo: str
    weight: float


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: str
    cameo: str
    weight: float
    symmetric: bool
    negated: str | None
    modes: dict[str, Mode]

    def cameo_for(self, mode: str | None) -> str:
        return self.modes[mode].cameo if mode in self.modes else self.cameo

    def weight_for(self, mode: str | None) -> float:
        return self.modes[mode].weight if mode in self.modes else self.weight


@cache
def load_ontology() -> dict[str, EventType]:
    path = data_dir() / "plover" / "ontology.yaml"
    raw = load_yaml(path)
    problems: list[Problem] = []
    types: dict[str, EventType] = {}
    for name, spec in (raw.get("types") or {}).items():
        if spec.get("quad") not in QUADS or not -10 <= float(spec.get("weight", 99)) <= 10:
            problems.append(Problem(str(path), 0, f"{name}: quad must be one of {QUADS} and weight in -10..10"))
            continue
        modes = {m: Mode(str(v["cameo"]), float(v["weight"])) for m, v in (spec.get("modes") or {}).items()}
        types[name] = EventType(
            name,
            spec["quad"],
            str(spec["cameo"]),
            float(spec["weight"]),
            bool(spec.get("symmetric")),
            spec.get("negated"),
            modes,
        )
    for t in types.values():
        if t.negated and t.negated not in types:
            problems.append(Problem(str(path), 0, f"{t.name}: negated type {t.negated} is not a type"))
    if len(types) != 16:
        problems.append(Problem(str(path), 0, f"expected the 16 PLOVER types, found {len(types)}"))
    raise_problems(problems)
    return types
