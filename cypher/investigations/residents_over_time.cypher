// name: investigations/residents_over_time
// description: Everyone registered at an address over time (BRP), newest registration first,
// description: with woon- or briefadres and the period.
// title: Bewoners van een adres door de tijd
// roles: officer, case_preparer, analyst
// persons: yes
// param: nummeraanduiding_id string -- BAG nummeraanduiding van het adres (16 cijfers)
// limit: 1000
// timeout: 10
MATCH (a:Address {nummeraanduidingId: $nummeraanduiding_id})<-[r:REGISTERED_AT]-(p:Person)
RETURN p AS persoon, r AS inschrijving, a AS adres, r.start AS van, r.end AS tot, r.kind AS soort
ORDER BY r.start DESC
