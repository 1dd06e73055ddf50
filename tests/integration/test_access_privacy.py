"""`speurnet privacy person` (an AVG access request) and `speurnet privacy purge` (retention)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.integration.access_setup import Town, town_fixture  # noqa: F401  (the town fixture)


def speurnet(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def counts(town: Town) -> dict[str, int]:
    return {r["name"]: r["count"] for r in town.graph.read("admin/counts")}


def test_privacy_person_gathers_everything_held(town: Town, env_for: dict[str, str]) -> None:
    # Entity resolution's verdict, by hand: the KvK officer and the signal's person are Jan.
    kvk = town.graph.read("api/search", query="berg*", persons=True, addresses=False,
                          companies=False, limit=10)
    records = [r["props"]["key"] for r in kvk]
    town.graph.write("matching/canonical_write", rows=[
        {"key": key, "canonical": "bsn:123456782", "judgement": "positive", "score": 0.99,
         "candidate": "bsn:123456782"} for key in records])
    assert town.get("cas", "/api/persons/bsn:123456782").status_code == 200
    done = speurnet(env_for, "privacy", "person", "bsn:123456782", "--purpose", "AVG-2026-3")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert {r["id"] for r in report["records"]} == set(records)
    assert {r["node"]["id"] for r in report["registrations"]} == {"adres:0479200000000001",
                                                                   "adres:0363200000000009"}
    assert {r["node"]["id"] for r in report["roles"]} == {"kvk:12345678", "kvk:87654321"}
    assert [r["node"]["id"] for r in report["signals"]] == ["melding:M1"]
    assert [r["node"]["id"] for r in report["cases"]] == ["zaak:Z1"]
    assert report["notes"] == []
    assert any(a["user"] == "cas" and a["action"] == "view" and a["purpose"] == "zaak Z-2026-041"
               for a in report["audit"])
    assert town.audit()[-1]["action"] == "access-request"
    assert speurnet(env_for, "privacy", "person", "bsn:000000000").returncode == 2


def test_purge_removes_expired_facts_and_leaves_the_rest(town: Town,
                                                         env_for: dict[str, str]) -> None:
    before = counts(town)
    dry = speurnet(env_for, "privacy", "purge", "--as-of", "2026-06-01", "--dry-run")
    assert dry.returncode == 0 and "would go" in dry.stderr
    assert counts(town) == {**before, "AuditEntry": before["AuditEntry"]}
    # meldingen.csv keeps signals one year (bronnen.yml): on 2026-06-01 only M1 (2025-05-01) is
    # past it; its links go, and the person only that signal named.
    done = speurnet(env_for, "privacy", "purge", "--as-of", "2026-06-01")
    assert done.returncode == 0, done.stderr
    after = counts(town)
    assert after["Signal"] == before["Signal"] - 1
    assert after["Person"] == before["Person"] - 1
    assert after["ABOUT"] == before["ABOUT"] - 2
    unchanged = ("Address", "Company", "Case", "Permit", "REGISTERED_AT", "OFFICER_OF", "OWNS",
                 "CONCERNS", "User")
    assert {k: after[k] for k in unchanged} == {k: before[k] for k in unchanged}
    assert town.graph.read("api/entity", key=None, pandId=None, buurtcode=None, permitId=None,
                           signalId="M1", caseId=None, networkId=None, limit=1, offset=0) == []
    # Years later the police stopped delivering: the whole source is past retention.
    speurnet(env_for, "privacy", "purge", "--as-of", "2030-01-01")
    final = counts(town)
    assert "Signal" not in final and "ABOUT" not in final
    assert {k: final[k] for k in unchanged} == {k: before[k] for k in unchanged}
    assert [e["action"] for e in town.audit()].count("purge") == 2
    assert speurnet(env_for, "audit", "verify").returncode == 0
