"""The Algemene termijnenwet: a legal term that ends on a Saturday, Sunday or
algemeen erkende feestdag is extended to the next day that is none of these.

Feestdagen (Atw art. 3 lid 1): Nieuwjaarsdag, Goede Vrijdag, tweede Paasdag,
Hemelvaartsdag, tweede Pinksterdag, both Kerstdagen, the day the King's
birthday is celebrated (Koningsdag) and 5 mei. Eerste Paas- and Pinksterdag
are Sundays anyway.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter


def koningsdag(jaar: int) -> date:
    """Koningsdag (from 2014) or Koninginnedag (until 2013); moved back a day from a Sunday."""
    dag = date(jaar, 4, 27) if jaar >= 2014 else date(jaar, 4, 30)
    return dag - timedelta(days=1) if dag.weekday() == 6 else dag


@lru_cache(maxsize=256)
def feestdagen(jaar: int) -> dict[date, str]:
    """The algemeen erkende feestdagen of the Atw in one year, with their names."""
    pasen = easter(jaar)
    return {
        date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen - timedelta(days=2): "Goede Vrijdag",
        pasen + timedelta(days=1): "tweede Paasdag",
        koningsdag(jaar): "Koningsdag",
        date(jaar, 5, 5): "Bevrijdingsdag (5 mei)",
        pasen + timedelta(days=39): "Hemelvaartsdag",
        pasen + timedelta(days=50): "tweede Pinksterdag",
        date(jaar, 12, 25): "eerste Kerstdag",
        date(jaar, 12, 26): "tweede Kerstdag",
    }


def is_feestdag(dag: date) -> bool:
    return dag in feestdagen(dag.year)


def is_werkdag(dag: date) -> bool:
    """Not a Saturday, Sunday or feestdag in the sense of the Atw."""
    return dag.weekday() < 5 and not is_feestdag(dag)


def atw_einddatum(dag: date) -> date:
    """The end of a term that nominally ends on ``dag``, moved on under Atw art. 1."""
    while not is_werkdag(dag):
        dag += timedelta(days=1)
    return dag


def plus_weken(dag: date, weken: int) -> date:
    """The date ``weken`` weeks after ``dag`` (a term 'binnen N weken na' ends then)."""
    return dag + timedelta(weeks=weken)
