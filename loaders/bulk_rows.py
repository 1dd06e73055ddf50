"""What each load statement writes for one shaped row, on the bulk path's in-memory `Store`.

One function per cypher/load/<source>.cypher, doing what that statement does in the same order:
the same keys, create-only values, compare-then-write values and provenance. A function returns
the row's unmatched address (`{record, text}`) as the statement does, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from loaders.bulk_graph import Props, Store, ref, update


@dataclass
class Index:
    """The loaded BAG's addresses by exact lookup key (lowest BAG key first) and by dwelling."""

    by_lookup: dict[str, str] = field(default_factory=dict)
    by_dwelling: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, store: Store) -> Index:
        index = cls()
        for nid, address in store.nodes["Address"].items():
            lookup, dwelling = address.get("lookupKey"), address.get("verblijfsobjectId")
            if lookup is not None and (lookup not in index.by_lookup or nid < index.by_lookup[lookup]):
                index.by_lookup[lookup] = nid
            if dwelling is not None:
                index.by_dwelling.setdefault(dwelling, []).append(nid)
        return index


Unmatched = dict[str, Any] | None
Writer = Callable[[Store, Index, Props, Props], Unmatched]


def bag(store: Store, _: Index, row: Props, prov: Props) -> Unmatched:
    b = store.upsert("Building", row["pandId"], prov, {"buildYear": row.get("buildYear")})
    n = store.upsert("Neighbourhood", row["buurtcode"], prov, {
        "name": row.get("buurtName"), "wijkcode": row.get("wijkcode"),
        "gemeentecode": row.get("gemeentecode")})
    nid = row["nummeraanduidingId"]
    a = store.upsert("Address", nid, prov, {
        "verblijfsobjectId": row.get("verblijfsobjectId"), "street": row.get("street"),
        "houseNumber": row.get("houseNumber"), "houseLetter": row.get("houseLetter"),
        "houseNumberAddition": row.get("houseNumberAddition"), "postcode": row.get("postcode"),
        "city": row.get("city"), "lookupKey": row.get("addressKey"), "label": row.get("label"),
        "uses": row.get("uses"), "floorArea": row.get("floorArea"), "status": row.get("status"),
        "x": row.get("x"), "y": row.get("y"), "lat": row.get("lat"), "lon": row.get("lon"),
        "outsideArea": False}, {"key": "adres:" + nid})
    store.rel("IN_BUILDING", ref("Address", a), ref("Building", b), prov)
    store.rel("IN_NEIGHBOURHOOD", ref("Address", a), ref("Neighbourhood", n), prov)
    return None


def brp(store: Store, _: Index, row: Props, prov: Props) -> Unmatched:
    p = store.upsert("Person", "bsn:" + row["bsn"], prov, {
        "bsn": row["bsn"], "registry": "brp", "firstNames": row.get("firstNames"),
        "prefix": row.get("prefix"), "surname": row.get("surname"), "fullName": row.get("fullName"),
        "birthDate": row.get("birthDate"), "gender": row.get("gender")})
    a = store.address(row["nummeraanduidingId"], prov)
    r = store.rel("REGISTERED_AT", ref("Person", p), ref("Address", a), prov, {"start": row["start"]})
    update(r, {"end": row.get("end"), "kind": row.get("kind")}, prov)
    return None


def _mentions(company: Props, row: Props, prov: Props, matched: bool) -> None:
    """kvk_vestigingen's address mentions: one entry per unmatched row key, replaced in place."""
    prefix, old = row["key"] + "\t", company.get("addressMentions") or []
    entry = None if matched else (
        f"{prefix}{prov['source']}\t{row['record']}\t{row.get('addressText') or ''}")
    if entry is None:
        mentions = [m for m in old if not m.startswith(prefix)]
    elif any(m.startswith(prefix) for m in old):
        mentions = [entry if m.startswith(prefix) else m for m in old]
    else:
        mentions = [*old, entry]
    if mentions != old:
        if mentions:
            company["addressMentions"] = mentions
        else:
            company.pop("addressMentions", None)


def kvk_vestigingen(store: Store, index: Index, row: Props, prov: Props) -> Unmatched:
    kvk = row["kvkNumber"]
    c = store.upsert("Company", kvk, prov, {
        "name": row.get("name"), "legalForm": row.get("legalForm"), "sbiCode": row.get("sbiCode"),
        "sbiDescription": row.get("sbiDescription"), "founded": row.get("founded"),
        "dissolved": row.get("dissolved"), "referenceOnly": False}, {"key": "kvk:" + kvk})
    nid = row.get("nummeraanduidingId")
    if nid is not None:
        address: Props | None = store.address(nid, prov)
        method: str | None = "key"
    else:
        found = index.by_lookup.get(row["addressKey"]) if row.get("addressKey") else None
        address = store.find("Address", found) if found else None
        method = "exact" if address is not None else None
        _mentions(c, row, prov, address is not None)
    if address is None:
        return {"record": row["record"], "text": row.get("addressText")}
    e = store.rel("ESTABLISHED_AT", ref("Company", c), ref("Address", address), prov,
                  {"establishmentNumber": row.get("establishmentNumber") or ""})
    update(e, {"start": row.get("founded"), "end": row.get("dissolved"), "matchMethod": method}, prov)
    return None


def kvk_functionarissen(store: Store, _: Index, row: Props, prov: Props) -> Unmatched:
    c = store.company(row["kvkNumber"], prov)
    if row.get("officerKvkNumber"):
        officer = ref("Company", store.company(row["officerKvkNumber"], prov))
    else:
        officer = ref("Person", store.upsert("Person", row["personKey"], prov, {
            "registry": "kvk", "firstNames": row.get("firstNames"), "prefix": row.get("prefix"),
            "surname": row.get("surname"), "fullName": row.get("fullName"),
            "birthDate": row.get("birthDate")}))
    r = store.rel("OFFICER_OF", officer, ref("Company", c), prov,
                  {"role": row["role"], "start": row["start"]}, {"records": [row["record"]]})
    if update(r, {"end": row.get("end")}, prov):
        r["records"] = [row["record"]]
    # Every relationship of a bulk load carries this load's id: add the mention of this record.
    if row["record"] not in r["records"]:
        r["records"] = [*r["records"], row["record"]]
    return None


def brk_eigendom(store: Store, index: Index, row: Props, prov: Props) -> Unmatched:
    dwelling = row["verblijfsobjectId"]
    addresses = [store.nodes["Address"][nid] for nid in index.by_dwelling.get(dwelling, [])]
    if row.get("ownerBsn"):
        owner = ref("Person", store.reference_person(row["ownerBsn"], prov))
    else:
        owner = ref("Company", store.company(row["ownerKvkNumber"], prov))
    for a in addresses:
        r = store.rel("OWNS", owner, ref("Address", a), prov, {"start": row["start"]})
        if r.get("end") != row.get("end") or r.get("share") != row.get("share"):
            for name in ("end", "share", "shareFraction"):
                if row.get(name) is None:
                    r.pop(name, None)
                else:
                    r[name] = row[name]
            r.update(prov)
        if row.get("wozValue") is not None and a.get("wozValue") != row["wozValue"]:
            a["wozValue"] = row["wozValue"]
    return None if addresses else {"record": row["record"], "text": dwelling}


def vergunningen(store: Store, _: Index, row: Props, prov: Props) -> Unmatched:
    p = store.node("Permit", row["permitId"], prov)
    if p.get("status") is not None and p["status"] != row["status"]:
        decided = p.get("decisionDate")
        p["statusHistory"] = [*(p.get("statusHistory") or []),
                              f"{p['status']}@{decided.isoformat() if decided else ''}"]
    update(p, {"kind": row.get("kind"), "status": row.get("status"),
               "decisionDate": row.get("decisionDate"), "validFrom": row.get("validFrom"),
               "validTo": row.get("validTo"), "bibob": row.get("bibob")}, prov)
    permit = ref("Permit", p)
    store.rel("FOR_ADDRESS", permit, ref("Address", store.address(row["nummeraanduidingId"], prov)),
              prov)
    if row.get("holderKvkNumber"):
        store.rel("HELD_BY", permit, ref("Company", store.company(row["holderKvkNumber"], prov)), prov)
    if row.get("holderBsn"):
        holder = store.reference_person(row["holderBsn"], prov)
        store.rel("HELD_BY", permit, ref("Person", holder), prov)
    return None


def meldingen(store: Store, index: Index, row: Props, prov: Props) -> Unmatched:
    s = store.upsert("Signal", row["signalId"], prov, {
        "channel": row.get("channel"), "category": row.get("category"), "date": row.get("date"),
        "description": row.get("description"), "addressText": row.get("addressText"),
        "personName": row.get("personName"), "personBirthDate": row.get("personBirthDate"),
        "reliability": row.get("reliability")})
    signal = ref("Signal", s)
    nid = row.get("nummeraanduidingId")
    if nid is not None:
        address: Props | None = store.address(nid, prov)
        method = "key"
    else:
        found = index.by_lookup.get(row["addressKey"]) if row.get("addressKey") else None
        address = store.find("Address", found) if found else None
        method = "exact"
    if address is not None:
        store.rel("ABOUT", signal, ref("Address", address), prov, on_create={"matchMethod": method})
    if row.get("personKey"):
        person = store.node("Person", row["personKey"], prov, {
            "registry": "melding", "fullName": row.get("personName"),
            "birthDate": row.get("personBirthDate")})
        store.rel("ABOUT", signal, ref("Person", person), prov)
    if row.get("kvkNumber"):
        store.rel("ABOUT", signal, ref("Company", store.company(row["kvkNumber"], prov)), prov)
    if address is None and row.get("addressText") is not None:
        return {"record": row["record"], "text": row["addressText"]}
    return None


def zaken(store: Store, _: Index, row: Props, prov: Props) -> Unmatched:
    z = store.upsert("Case", row["caseId"], prov, {
        "caseType": row.get("caseType"), "status": row.get("status"), "start": row.get("start"),
        "end": row.get("end"), "result": row.get("result")})
    case = ref("Case", z)
    if row.get("nummeraanduidingId"):
        store.rel("CONCERNS", case, ref("Address", store.address(row["nummeraanduidingId"], prov)),
                  prov)
    if row.get("bsn"):
        store.rel("CONCERNS", case, ref("Person", store.reference_person(row["bsn"], prov)), prov)
    if row.get("kvkNumber"):
        store.rel("CONCERNS", case, ref("Company", store.company(row["kvkNumber"], prov)), prov)
    return None


def verbruik(store: Store, _: Index, row: Props, prov: Props) -> Unmatched:
    nid = row["nummeraanduidingId"]
    u = store.upsert("UtilityUse", f"{nid}:{row['year']}", prov, {
        "year": row.get("year"), "electricityKwh": row.get("electricityKwh"),
        "gasM3": row.get("gasM3"), "waterM3": row.get("waterM3")})
    store.rel("FOR_ADDRESS", ref("UtilityUse", u), ref("Address", store.address(nid, prov)), prov)
    return None


def buurt_cijfers(store: Store, _: Index, row: Props, prov: Props) -> Unmatched:
    key = f"{row['buurtcode']}|{row['period']}|{row['channel']}|{row['category']}"
    f = store.upsert("NeighbourhoodFigure", key, prov, {
        "period": row.get("period"), "channel": row.get("channel"),
        "category": row.get("category"), "value": row.get("value")})
    n = store.node("Neighbourhood", row["buurtcode"], prov)
    store.rel("FOR_NEIGHBOURHOOD", ref("NeighbourhoodFigure", f), ref("Neighbourhood", n), prov)
    return None


WRITERS: dict[str, Writer] = {
    "bag_verblijfsobjecten": bag,
    "brp_inschrijvingen": brp,
    "kvk_vestigingen": kvk_vestigingen,
    "kvk_functionarissen": kvk_functionarissen,
    "brk_eigendom": brk_eigendom,
    "vergunningen": vergunningen,
    "meldingen": meldingen,
    "zaken": zaken,
    "verbruik": verbruik,
    "buurt_cijfers": buurt_cijfers,
}
