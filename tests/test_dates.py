from __future__ import annotations

import datetime as dt

import pytest

from alianza.nlp.dates import find_dates, parse_date
from alianza.nlp.quantities import find_quantities

REF = dt.date(2025, 8, 12)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "lang", "value", "precision"),
    [
        ("la cumbre será el próximo 15 de agosto", "es", "2025-08-15", "day"),
        ("el acuerdo firmado en julio de 2024", "es", "2024-07", "month"),
        ("el pasado martes", "es", "2025-08-05", "day"),
        ("este lunes", "es", "2025-08-11", "day"),
        ("ayer", "es", "2025-08-11", "day"),
        ("hace tres días", "es", "2025-08-09", "day"),
        ("el 3 de julio", "es", "2025-07-03", "day"),
        ("last Friday", "en", "2025-08-08", "day"),
        ("on August 3, 2024", "en", "2024-08-03", "day"),
        ("next Monday", "en", "2025-08-18", "day"),
        # a relative week, month or year: a week is dated by its month (issue 20)
        ("le sommet aura lieu la semaine prochaine", "fr", "2025-08", "month"),
        ("le mois dernier à Dakar", "fr", "2025-07", "month"),
        ("l'année prochaine", "fr", "2026", "year"),
        ("la próxima semana", "es", "2025-08", "month"),
        ("next month", "en", "2025-09", "month"),
        ("two weeks ago", "en", "2025-07-29", "day"),
    ],
)
def test_dates_resolve_against_the_article_date(text: str, lang: str, value: str, precision: str) -> None:
    got = find_dates(text, lang, REF)
    assert got and got[0].date.value == value and got[0].date.precision == precision


def test_dates_morning_is_not_tomorrow() -> None:
    assert find_dates("durante horas de la mañana", "es", REF) == []


def test_dates_numeric_order_follows_language() -> None:
    assert parse_date("Política 12.08.2025") == dt.date(2025, 8, 12)
    assert parse_date("Updated 08/03/2024", "en") == dt.date(2024, 8, 3)
    assert parse_date("Caracas | 10/01/2025 - 18:40", "es") == dt.date(2025, 1, 10)


def test_quantities_ranges_and_words() -> None:
    q = find_quantities("la participación de entre 14,000 y 15,000 soldados norcoreanos", "es")[0].quantity
    assert (q.low, q.high, q.unit) == (14000, 15000, "soldiers")
    q = find_quantities("killing at least twelve people", "en")[0].quantity
    assert (q.low, q.unit) == (12, "people")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("quelque 2 000 manifestants ont défilé à Lomé", 2000, 2000),
        ("une centaine de grévistes devant la mairie", 100, 100),
        ("des dizaines de manifestants à Kinshasa", 10, 10),
        ("entre 300 et 400 étudiants à Tunis", 300, 400),
    ],
)
def test_french_quantities_of_crowds(text: str, low: int, high: int) -> None:
    q = find_quantities(text, "fr")[0].quantity
    assert (q.low, q.high, q.unit) == (low, high, "people")
