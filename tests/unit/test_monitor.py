"""The bias monitor's suppression of small counts (pure parts)."""

from __future__ import annotations

from investigations.scoring.monitor import BAND_LABELS, _neighbourhoods, _outcomes, band, suppress


def test_counts_below_five_are_suppressed() -> None:
    assert suppress(4) is None and suppress(0) is None
    assert suppress(5) == 5


def test_score_bands() -> None:
    assert [BAND_LABELS[band(s)] for s in (0.0, 0.1, 0.2, 0.6, 0.95)] == [
        "0", "0-0.2", "0.2-0.5", "0.5-0.8", "0.8-1"]


def test_no_rate_gives_a_suppressed_count_away() -> None:
    rows = ([{"score": 0.9, "outcome": "overtreding"}] * 7
            + [{"score": 0.9, "outcome": "geen overtreding"}] * 3
            + [{"score": 0.0, "outcome": "geen overtreding"}] * 6
            + [{"score": 0.0, "outcome": "overtreding"}] * 5)
    table, rates = _outcomes(rows, 5)
    assert table["0.8-1"] == {"overtreding": 7, "geen overtreding": None, "onbekend": None,
                              "open": None}
    assert rates["0.8-1"] is None
    assert rates["0"] == round(5 / 11, 3)


def test_small_neighbourhoods_show_nothing_and_standouts_are_marked() -> None:
    row = {"buurtcode": "BU1", "name": "A", "wijkcode": "WK1", "addresses": 100, "flagged": 30,
           "high": 20, "meanScore": 0.2, "cases": 6, "violations": 2}
    small = {**row, "buurtcode": "BU2", "addresses": 4, "flagged": 1, "high": 1}
    quiet = {**row, "buurtcode": "BU3", "addresses": 900, "high": 5, "flagged": 5}
    out = {n.buurtcode: n for n in _neighbourhoods([row, small, quiet], 5)}
    assert out["BU1"].high_share == 0.2 and out["BU1"].standout
    assert out["BU1"].violations is None
    assert (out["BU2"].addresses, out["BU2"].high, out["BU2"].mean_score) == (None, None, None)
    assert not out["BU3"].standout
