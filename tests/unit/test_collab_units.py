"""The pure parts of collaboration: who is told about whom (deconfliction), what is news for a
watcher, how messages name entities, and the limits on free text."""

from __future__ import annotations

from datetime import date

import pytest

from investigations.analysis import STEPS
from investigations.collab import deconfliction
from investigations.collab.entities import Entity, from_row
from investigations.collab.news import news, score_change
from investigations.collab.out import TEXT_MAX, check_text
from investigations.errors import BadParameter

ADDRESS = Entity("adres:0479200000000001", "adres:0479200000000001", "Address",
                 "Kerkstraat 12-2, 1501AB Zaandam")
PERSON = Entity("bsn:123456782", "bsn:123456782", "Person", "Jan van der Berg")


def test_only_a_new_team_next_to_another_team_is_deconflicted() -> None:
    assert deconfliction.other_teams("noord", ["zuid", None, "zuid"]) == ["zuid"]
    assert deconfliction.other_teams("noord", ["noord", "zuid"]) == []  # told when noord came
    assert deconfliction.other_teams("noord", []) == []
    assert deconfliction.other_teams(None, ["zuid"]) == []


def test_both_sides_are_told_and_each_hears_the_other_team() -> None:
    rows = deconfliction.messages(ADDRESS, "noord", ["oost", "zuid"])
    assert [r["toTeam"] for r in rows] == ["noord", "oost", "zuid"]
    assert "team oost en team zuid" in rows[0]["message"]
    assert all("team noord" in r["message"] for r in rows[1:])
    assert {r["kind"] for r in rows} == {"deconfliction"} and len({r["id"] for r in rows}) == 3


def test_messages_name_a_person_by_key_never_by_name() -> None:
    assert "Jan" not in PERSON.words() and "bsn:123456782" in PERSON.words()
    assert ADDRESS.words() == "adres Kerkstraat 12-2, 1501AB Zaandam (adres:0479200000000001)"
    network = from_row({"key": "run-1|net-7", "networkId": "net-7", "labels": ["Network"],
                        "label": "run-1|net-7"})
    assert network.public_id == "netwerk:net-7" and network.key == "run-1|net-7"


def news_row(**extra: object) -> dict[str, object]:
    return {"listId": "l1", "owner": "olga", "team": None, "key": ADDRESS.key,
            "networkId": None, "labels": ["Address"], "label": ADDRESS.label,
            "lastScore": None, "score": None, "facts": [], **extra}


def test_news_is_one_notification_per_recipient_entity_and_fact() -> None:
    signal = {"labels": ["Signal"], "id": "M4", "fact": "signal:M4", "category": "drugs",
              "date": date(2026, 3, 1),
              "source": "meldingen.csv", "loadId": "L1"}
    rows = [news_row(facts=[signal, signal]), news_row(listId="l2", facts=[signal]),
            news_row(listId="t", team="noord", facts=[signal])]
    told = news(rows)
    assert [(n["toUser"], n["toTeam"], n["factKey"]) for n in told] == [
        ("olga", None, "signal:M4"), (None, "noord", "signal:M4")]
    assert told[0]["message"] == ("Nieuw bij adres Kerkstraat 12-2, 1501AB Zaandam "
                                  "(adres:0479200000000001): melding M4 (drugs 2026-03-01).")
    assert told[0]["factSource"] == "meldingen.csv"
    # The same fact gives the same id on every run, so it is told once.
    assert news(rows)[0]["id"] == told[0]["id"]


def test_score_changes_worth_telling() -> None:
    assert score_change(0.30, 0.32) is None
    assert score_change(0.30, 0.62) == "gestegen van 0.30 naar 0.62"
    assert score_change(0.62, 0.30) == "gedaald van 0.62 naar 0.30"
    assert score_change(None, 0.01) is None and score_change(None, 0.5) == "nu 0.50"
    assert score_change(0.5, None) is None
    [told] = news([news_row(lastScore=0.1, score=0.4)])
    assert told["kind"] == "score" and "gestegen" in told["message"]


def test_free_text_is_kept_as_typed_within_the_limit() -> None:
    text = "  <script>x</script>\n"
    assert check_text("text", text) == text
    assert check_text("text", "", required=False) == ""
    for bad in ("", "  \n", "x" * (TEXT_MAX + 1)):
        with pytest.raises(BadParameter) as refused:
            check_text("text", bad)
        assert refused.value.name == "text"


def test_notify_runs_after_scoring_in_every_analysis() -> None:
    names = [s.name for s in STEPS]
    assert names[-1] == "notify" and names.index("scoring") < names.index("notify")
