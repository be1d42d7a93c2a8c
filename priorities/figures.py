"""A measure's figures as people write them, all to the measure's own precision and with its unit.

A measure whose baseline is 21.4 % shows a reading of 19.6 as "19.6 %" and one of 20 as "20.0 %",
not "19.60 %" beside "20 %": a column of figures that changes its precision from row to row reads
as if the numbers meant different things. Thousands are separated ("3,275 offences").
"""

from decimal import Decimal


def decimal_places(*values: Decimal | None) -> int:
    """The most decimal places any of the values needs, trailing zeros dropped: 21.40 needs 1."""
    places = [max(-value.normalize().as_tuple().exponent, 0) for value in values if value is not None]
    return max(places, default=0)


def figure(value: Decimal | None, unit: str = "", *, places: int | None = None) -> str:
    """'3,275 offences', '19.6 %'; "" for no value. Without places, as many as the value needs."""
    if value is None:
        return ""
    places = decimal_places(value) if places is None else places
    return f"{value:,.{places}f} {unit}".strip()


def measure_figure(value: Decimal | None, measure) -> str:
    """A value of the measure (a Measure or a board pack's MeasureRow): to the precision of its
    baseline and target, or more if the value itself needs it."""
    places = max(decimal_places(measure.baseline_value, measure.target_value), decimal_places(value))
    return figure(value, measure.unit, places=places)
