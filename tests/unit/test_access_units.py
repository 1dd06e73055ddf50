"""Small pieces of lawful use without a database: policy, passwords, parameters, escaping,
formula neutralising, and the masking function on a hand-made payload."""

from __future__ import annotations

from datetime import date

import pytest

from investigations.access.mask import disclose
from investigations.access.policy import PolicyError, load_policy, parse
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.scope import Scope
from investigations.access.sources import SourceTable
from investigations.access.users import check_password, hash_password
from investigations.cells import neutralise
from investigations.errors import BadParameter
from investigations.explore.graphs import lucene_query
from investigations.runner.catalog import parse_param
from investigations.runner.export import cell, render

LOADS = [{"loadId": "L1", "file": "brp_inschrijvingen.csv", "partner": "gemeente",
          "tier": "closed", "retention": None, "finishedAt": None},
         {"loadId": "L1", "file": "meldingen.csv", "partner": "politie", "tier": "private",
          "retention": "1y", "finishedAt": None}]


def scope(role: str = "officer", partner: str = "gemeente", identities: bool = True) -> Scope:
    return Scope("u", role, "t", partner, "zaak 1", identities, load_policy(),
                 SourceTable(LOADS), Pseudonyms(b"k" * 32))


def test_policy_tiers_and_covenants() -> None:
    policy = load_policy()
    assert policy.sees("officer", "politie", "gemeente", "closed")  # covenant
    assert not policy.sees("officer", "woningcorporatie", "politie", "closed")
    assert not policy.sees("case_preparer", "gemeente", "politie", "private")
    assert policy.sees("case_preparer", "politie", "politie", "private")
    assert not policy.sees("officer", "politie", "politie", "private")  # tier not cleared
    assert policy.sees("admin", "x", "y", "open")
    assert policy.identities("officer", "zaak 1", False)
    assert not policy.identities("officer", "statistiek per buurt", False)
    assert not policy.identities("officer", None, False)
    assert not policy.identities("analyst", "zaak 1", False)
    assert policy.identities("analyst", "zaak 1", True)
    assert not policy.identities("admin", "zaak 1", True)


def test_policy_refuses_cypher_writers_without_identities() -> None:
    roles = {r: {"may": [], "identities": "never", "tiers": ["open"]}
             for r in ("officer", "analyst", "case_preparer", "admin")}
    roles["admin"]["may"] = ["write_cypher"]
    with pytest.raises(PolicyError):
        parse({"roles": roles})


def test_passwords_are_salted_scrypt() -> None:
    stored = hash_password("geheim-wachtwoord")
    assert stored.startswith("scrypt$") and "geheim" not in stored
    assert stored != hash_password("geheim-wachtwoord")
    assert check_password("geheim-wachtwoord", stored)
    assert not check_password("fout", stored)
    assert not check_password("x", None) and not check_password("x", "md5$abc")


def test_parameters_coerce_or_name_themselves() -> None:
    param = parse_param("straal integer = 250 -- meters")
    assert (param.default, param.required, param.description) == (250, False, "meters")
    assert param.coerce("300") == 300
    with pytest.raises(BadParameter) as bad:
        param.coerce("ver")
    assert bad.value.name == "straal"
    assert parse_param("van date = 2020-01-01").default == date(2020, 1, 1)
    assert parse_param("codes list = a,b").coerce("x, y") == ["x", "y"]
    assert parse_param("key key").required
    with pytest.raises(ValueError):
        parse_param("x complex")


def test_lucene_special_characters_are_escaped() -> None:
    assert lucene_query("Kerkstraat 12-2") == "kerkstraat* AND 12\\-2*"
    assert lucene_query('a:b (c) "d" *') == 'a\\:b* AND \\(c\\)* AND \\"d\\"* AND \\**'
    assert lucene_query("OR AND") == "or* AND and*"


def test_formula_cells_are_neutralised() -> None:
    for text in ("=1+1", "+31", "-2", "@SUM(A1)", "\tx"):
        assert neutralise(text) == "'" + text
    assert neutralise("gewoon") == "gewoon" and neutralise(-2) == -2
    assert cell({"id": "bsn:1", "kind": "Person", "label": "=evil"}) == "'=evil (bsn:1)"
    assert render("csv", ["a"], [{"a": "=x"}]).decode() == "a\n'=x\n"


PAYLOAD = {
    "entity": {"id": "bsn:123456782", "kind": "Person", "label": "Jan van der Berg",
               "properties": {"bsn": "123456782", "fullName": "Jan van der Berg",
                              "birthDate": "1981-03-04", "registry": "brp",
                              "canonicalKey": "bsn:123456782"},
               "source": {"file": "brp_inschrijvingen.csv", "loadId": "L1",
                          "rowKey": "123456782|x"}},
    "links": [
        {"type": "ABOUT", "node": {"id": "melding:M1", "kind": "Signal", "label": "m",
                                   "properties": {"description": "Jan belde", "personName": "Jan"},
                                   "source": {"file": "meldingen.csv", "loadId": "L1"}}},
        {"type": "X", "node": {"id": "adres:1", "kind": "Address", "label": "Kerkstraat 1",
                               "properties": {"note": "bsn 123456782 en bsn:123456782"},
                               "source": None}},
    ],
    "graph": {"nodes": [{"id": "melding:M1", "kind": "Signal", "label": "m", "properties": {},
                         "source": {"file": "meldingen.csv", "loadId": "L1"}}],
              "relationships": [{"id": "r", "type": "ABOUT", "start": "melding:M1",
                                 "end": "adres:1", "properties": {}, "source": None}]},
    "flags": [{"evidence": '{"members": ["bsn:123456782"], "fullName": "Jan"}'}],
}


def test_disclose_pseudonymises_and_withholds() -> None:
    shown = disclose(PAYLOAD, scope(identities=False))
    text = str(shown.payload)
    for secret in ("123456782", "Jan", "1981-03-04"):
        assert secret not in text
    pseudo = shown.payload["entity"]["id"]
    assert pseudo.startswith("pseudo:") and shown.payload["entity"]["label"] == pseudo
    assert shown.payload["entity"]["properties"] == {"registry": "brp", "canonicalKey": pseudo}
    # the police's private signal is withheld from a municipal officer, with its drawn link
    assert [link["type"] for link in shown.payload["links"]] == ["X"]
    assert shown.payload["graph"] == {"nodes": [], "relationships": []}
    assert shown.withheld == 2 and shown.payload["withheld"] == 2
    assert shown.payload["pseudonymised"] is True
    assert shown.subjects == {"bsn:123456782"}


def test_disclose_keeps_identities_for_a_cleared_scope() -> None:
    shown = disclose(PAYLOAD, scope("case_preparer", "politie"))
    assert shown.payload["entity"]["properties"]["bsn"] == "123456782"
    assert len(shown.payload["links"]) == 2 and shown.withheld == 0


def test_pseudonyms_are_stable_and_keyed() -> None:
    one, other = Pseudonyms(b"a" * 32), Pseudonyms(b"b" * 32)
    assert one.pseudo("bsn:123456782") == Pseudonyms(b"a" * 32).pseudo("bsn:123456782")
    assert one.pseudo("bsn:123456782") != other.pseudo("bsn:123456782")
    assert one.replace_keys("x bsn:123456782 y") == f"x {one.pseudo('bsn:123456782')} y"


def test_bare_bsn_masking_keeps_pseudonyms_whole() -> None:
    from investigations.access.mask import BARE_BSN, _hide_bsn

    # A pseudonym's hex may hold nine digits in a row; it must come through unchanged.
    assert BARE_BSN.sub(_hide_bsn, "pseudo:751f7b4ed208331679f0") == "pseudo:751f7b4ed208331679f0"
    assert BARE_BSN.sub(_hide_bsn, "bsn 123456782, ook bsn:111222333") == (
        "bsn •••••••••, ook bsn:•••••••••")
    assert BARE_BSN.sub(_hide_bsn, "adres 0479200000000001") == "adres 0479200000000001"
    # Nor the random hex of a record id (a notification, a note): masking it broke "mark read".
    assert BARE_BSN.sub(_hide_bsn, "dec-4e123456789f0a1b") == "dec-4e123456789f0a1b"


def test_disclose_withholds_evidence_from_an_unseen_source_and_application_nodes() -> None:
    flag = {"name": "risicomelding", "reason": "2 melding(en): overlast",
            "evidence": '{"facts": {"signals": ["M1"]}}', "sources": ["meldingen.csv"]}
    payload = {"flags": [flag, {**flag, "name": "overbewoning",
                                "sources": ["brp_inschrijvingen.csv"]}],
               "rows": [{"n": {"id": "x", "kind": "Notification", "label": "n",
                               "properties": {"message": "nieuw"}, "source": None}},
                        {"n": {"labels": ["User"], "props": {"name": "olga"}}}],
               "notes": [{"id": "note-1", "kind": "Note", "text": "gezien", "author": "olga"}]}
    shown = disclose(payload, scope())
    assert [f["name"] for f in shown.payload["flags"]] == ["overbewoning"]
    assert shown.payload["rows"] == [] and shown.withheld == 3
    # The app's own records, shown flat by their own panels, are no data facts: they pass.
    assert shown.payload["notes"] == payload["notes"]
    police = disclose(payload, scope("case_preparer", "politie"))
    assert len(police.payload["flags"]) == 2


def test_disclose_masks_by_the_kind_the_model_declares() -> None:
    from graph import vocabulary

    signal = vocabulary.elements()["Signal"]
    props = dict.fromkeys(signal.properties, "x")
    node = {"id": "melding:M9", "kind": "Signal", "label": "m", "properties": props,
            "source": None}
    shown = disclose({"node": node, "row": {"description": "vrije tekst"}},
                     scope(identities=False)).payload
    assert signal.identifying() and not set(shown["node"]["properties"]) & signal.identifying()
    assert set(shown["node"]["properties"]) == set(signal.properties) - signal.identifying()
    # `description` identifies a person on a Signal only: a dict of no kind keeps it.
    assert shown["row"] == {"description": "vrije tekst"}
