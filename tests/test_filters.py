"""Property tests of the filter normalisers every query command shares (aggregate/rows.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alianza.aggregate.rows import FilterError, as_date, check_lang, check_status, check_type
from alianza.events.ontology import load_ontology
from alianza.types import STATUSES

TYPES = tuple(load_ontology())


def any_case(word: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda ups: "".join(c.upper() if u else c.lower() for c, u in zip(word, ups, strict=True))
    )


@given(st.sampled_from(TYPES).flatmap(any_case), st.sampled_from(["", " ", "  "]))
def test_a_type_in_any_case_and_spacing_is_the_type(typed: str, pad: str) -> None:
    assert check_type(pad + typed + pad) == typed.upper()


@given(st.text(min_size=1, max_size=12))
def test_anything_else_is_refused_naming_the_16_types(text: str) -> None:
    if text.strip().upper() in TYPES or not text:
        return
    with pytest.raises(FilterError) as err:
        check_type(text)
    assert all(t in str(err.value) for t in TYPES) and len(TYPES) == 16


@given(st.sampled_from(STATUSES).flatmap(any_case))
def test_statuses_any_case(typed: str) -> None:
    assert check_status(typed) == typed.lower()


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_as_strings_dates_or_datetimes_are_one_date(day: dt.date) -> None:
    moment = dt.datetime(day.year, day.month, day.day, 13, 5)
    assert as_date(day.isoformat(), "--from") == as_date(day, "--from") == as_date(moment, "--from") == day


@given(st.text(max_size=12))
def test_a_bad_date_names_the_option_and_the_format(text: str) -> None:
    try:
        got = as_date(text, "--to")
    except FilterError as err:
        assert str(err).startswith("--to ") and "YYYY-MM-DD" in str(err)
    else:
        assert got is None or isinstance(got, dt.date)


@given(st.text(max_size=5))
def test_languages_are_two_letters(text: str) -> None:
    try:
        got = check_lang(text)
    except FilterError as err:
        assert "ISO 639-1" in str(err)
    else:
        assert got is None or (len(got) == 2 and got.isalpha() and got == got.lower())
