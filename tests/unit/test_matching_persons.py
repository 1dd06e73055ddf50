"""Person comparisons, blocking and scores on a small reference set."""

from __future__ import annotations

from datetime import date

from investigations.matching import fs, persons
from investigations.matching.names import from_parts, parse_full
from investigations.matching.persons import PersonRecord


def brp(key: str, first: str, prefix: str, surname: str, born: str,
        *addresses: str) -> PersonRecord:
    return PersonRecord(key, "brp", from_parts(first, prefix, surname), date.fromisoformat(born),
                        frozenset(addresses))


def record(key: str, name: str, born: str | None, *addresses: str) -> PersonRecord:
    return PersonRecord(key, "melding", parse_full(name),
                        date.fromisoformat(born) if born else None, frozenset(addresses))


REFERENCE = [brp(f"bsn:{i}", first, prefix, surname, born, f"a{i}")
             for i, (first, prefix, surname, born) in enumerate([("Jan Pieter", "van der", "Berg", "1981-03-04"),
                           ("Johanna", "de", "Vries", "1975-06-30"),
                           ("Jan", "", "Jansen", "1990-01-01"),
                           ("Mohamed", "", "El Amrani", "1969-12-24")] + [
                 ("Piet", "", f"Achternaam{i}", f"19{50 + i % 40}-0{1 + i % 9}-1{i % 9}")
                 for i in range(200)])]


def score(rec: PersonRecord, key: str) -> float:
    model = persons.build_model([rec], REFERENCE)
    by_key = {p.key: p for p in (*REFERENCE, rec)}
    scored = persons.score_pairs(model, [(rec.key, key)], by_key)
    return scored[0].score if scored else 0.0


def test_levels() -> None:
    jan = REFERENCE[0]
    assert persons._given(record("r", "Pieter Jan van der Berg", None), jan) == 1  # swapped
    assert persons._given(record("r", "Jan van der Berg", None), jan) == 2  # fewer names
    assert persons._given(record("r", "J.P. van der Berg", None), jan) == 3  # initials
    assert persons._prefix(record("r", "Jan vd Berg", None), jan) == 1
    assert persons._surname(record("r", "Jan vd Breg", None), jan) == 1
    assert persons._birth(record("r", "x y", "1981-04-03"), jan) == 1  # day and month swapped
    assert persons._birth(record("r", "x y", None), jan) == fs.NULL


def test_voorvoegsel_written_otherwise_is_the_same_name() -> None:
    jan = REFERENCE[0]  # Jan Pieter van der Berg
    for written in ("Jan Pieter Vanderberg", "Berg, van der, Jan Pieter", "Jan Pieter V.d. Berg",
                    "Jan Pieter VanderBerg"):
        rec = record("r", written, "1981-03-04")
        assert persons._surname(rec, jan) == 0, written
        assert persons._prefix(rec, jan) <= 1, written
        assert score(rec, "bsn:0") >= persons.ACCEPT, written
    joined = record("r", "Jan Pieter Vanderberg", None)
    assert ("r", "bsn:0") in persons.candidate_pairs([joined], REFERENCE)
    # Another surname stays another surname, however the voorvoegsel is written.
    assert persons._surname(record("r", "Jan Pieter Vanderburg", None), jan) == 1
    assert score(record("r", "Jan Pieter Vandermeer", "1981-03-04"), "bsn:0") < persons.ACCEPT


def test_variants_match_and_strangers_do_not() -> None:
    assert score(record("r", "J.P. vd Berg", "1981-03-04"), "bsn:0") >= persons.ACCEPT
    assert score(record("r", "Jan Pieter van der Breg", "1981-03-04"), "bsn:0") >= persons.ACCEPT
    assert score(record("r", "Jan van der Berg", None, "a0"), "bsn:0") >= persons.ACCEPT
    assert score(record("r", "Jan Jansen", "1985-05-05"), "bsn:2") < persons.ACCEPT
    # Same surname and birth date, another given name: a twin, never joined without a person.
    assert score(record("r", "Karel de Vries", "1975-06-30"), "bsn:1") < persons.ACCEPT


def test_blocking_finds_variants_and_skips_the_rest() -> None:
    records = [record("r1", "Jan vd Breg", "1981-04-03"), record("r2", "J. de Vries", None)]
    pairs = persons.candidate_pairs(records, REFERENCE)
    assert ("r1", "bsn:0") in pairs and ("r2", "bsn:1") in pairs
    assert len(pairs) < 20
    assert persons.candidate_pairs(records, REFERENCE, dirty={"r2"}) == {
        p for p in pairs if "r2" in p}
