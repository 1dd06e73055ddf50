"""A look-alike match records the files its reason quotes: the case's, and those of the facts its
shared features count at both dwellings, no others."""

from __future__ import annotations

from investigations.links.lookalike import DUTCH, FILES, Match, sources

PROFILES = {
    "adres:1": {"key": "adres:1", "files": {
        "registrations": ["brp.csv"], "signals": ["meldingen.csv", None], "use": ["verbruik.csv"],
        "owners": ["brk.csv"], "companies": [], "flags": []}},
    "adres:2": {"key": "adres:2", "lastCase": {"id": "Z1", "result": "overtreding",
                                                "source": "zaken.csv"},
                "files": {"registrations": ["brp-2.csv"], "signals": ["meldingen-2.csv"]}},
}


def test_shared_features_give_their_files_at_both_dwellings_and_the_case() -> None:
    match = Match("adres:1", 0.8, "adres:2", "Z1", [DUTCH["housingSignals"]])
    assert sources(match, PROFILES) == ["meldingen-2.csv", "meldingen.csv", "zaken.csv"]


def test_energy_per_resident_quotes_use_and_registrations() -> None:
    match = Match("adres:1", 0.8, "adres:2", "Z1", [DUTCH["kwhPerResident"]])
    assert sources(match, PROFILES) == ["brp-2.csv", "brp.csv", "verbruik.csv", "zaken.csv"]


def test_every_feature_names_its_files() -> None:
    assert set(FILES) == set(DUTCH)
