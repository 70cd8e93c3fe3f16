from __future__ import annotations

from typing import Any

from alianza.eval.score import Scores, score_record


def ev(t: str, src: str | None = None, tgt: str | None = None, **kw: Any) -> dict[str, Any]:
    return {"type": t, "source": {"country": src} if src else {}, "target": {"country": tgt} if tgt else {}, **kw}


def test_score_perfect() -> None:
    sc = Scores()
    score_record(sc, [ev("ASSAULT", "COL", "COL")], [ev("ASSAULT", "COL", "COL")])
    assert (sc.event.tp, sc.event.fp, sc.event.fn) == (1, 0, 0) and sc.event.f1 == 1.0
    assert sc.actor_country.value == 1.0


def test_score_empty_system_misses_everything() -> None:
    sc = Scores()
    score_record(sc, [], [ev("AGREE", "USA"), ev("REJECT", "IRN")])
    assert (sc.event.tp, sc.event.fp, sc.event.fn) == (0, 0, 2)
    assert sc.event.f1 == 0.0 and sc.type.recall == 0.0


def test_score_swapped_actors_match_only_when_symmetric() -> None:
    sc = Scores()
    score_record(sc, [ev("CONSULT", "PRK", "RUS")], [ev("CONSULT", "RUS", "PRK", symmetric=True)])
    assert sc.event.tp == 1 and sc.actor_country.value == 1.0
    sc = Scores()
    score_record(sc, [ev("ACCUSE", "PRK", "RUS")], [ev("ACCUSE", "RUS", "PRK")])
    assert (sc.event.tp, sc.event.fp, sc.event.fn) == (0, 1, 1)
    assert (sc.type.tp, sc.type.fp, sc.type.fn) == (1, 0, 0)  # type level still matches
    assert sc.actor_country.value == 0.0


def test_score_not_required_is_neither_miss_nor_false_alarm() -> None:
    sc = Scores()
    score_record(sc, [ev("SUPPORT", "IRN", "RUS")], [ev("SUPPORT", "IRN", "RUS", required=False)])
    assert (sc.event.tp, sc.event.fp, sc.event.fn) == (0, 0, 0)
    sc = Scores()
    score_record(sc, [], [ev("SUPPORT", "IRN", "RUS", required=False)])
    assert (sc.event.tp, sc.event.fp, sc.event.fn) == (0, 0, 0)


def test_score_gold_side_without_country_accepts_any() -> None:
    sc = Scores()
    score_record(sc, [ev("REJECT", "UKR", "RUS")], [ev("REJECT", "UKR")])
    assert sc.event.tp == 1


def test_score_matching_is_one_to_one_best_first() -> None:
    sc = Scores()
    system = [ev("ASSAULT", "COL", "VEN"), ev("ASSAULT", "COL", "COL")]
    gold = [ev("ASSAULT", "COL", "COL")]
    score_record(sc, system, gold)
    assert (sc.event.tp, sc.event.fp, sc.event.fn) == (1, 1, 0)
    assert (sc.type.tp, sc.type.fp) == (1, 1)
    assert sc.actor_country.value == 1.0  # the best (fully matching) pair was taken


def test_score_status_and_date_where_gold_gives_them() -> None:
    sc = Scores()
    score_record(
        sc,
        [ev("CONSULT", "RUS", status="planned", date="2025-08-15")],
        [ev("CONSULT", "RUS", status="planned", date="2025-08")],
    )
    assert sc.status.value == 1.0 and sc.date.value == 1.0
