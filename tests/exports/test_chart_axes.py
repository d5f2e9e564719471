"""The Board pack's count charts are ruled at round numbers a reader can use."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from auditdesk.exporters.pack_charts import count_axis


@given(st.integers(min_value=0, max_value=5_000_000))
def test_every_gridline_is_a_round_whole_number_above_the_tallest_bar(tallest: int) -> None:
    ceiling, divisions = count_axis(tallest)
    assert ceiling >= tallest
    assert 4 <= divisions <= 5
    ticks = [ceiling * step / divisions for step in range(divisions + 1)]
    assert all(tick == int(tick) for tick in ticks)  # never 62.5 shown as 62
    step = ticks[1]
    leading = step / 10 ** (len(str(int(step))) - 1)
    assert leading in (1, 2, 2.5, 5)  # 50, 100, 200, 250, 500...
    assert ceiling <= max(4, tallest * 2.5)  # and the bars use the space


def test_the_grades_of_one_term() -> None:
    assert count_axis(228) == (250, 5)
    assert count_axis(755) == (1000, 5)
    assert count_axis(1_418) == (2000, 4)
    assert count_axis(3) == (4, 4)
