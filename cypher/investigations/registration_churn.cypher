// name: investigations/registration_churn
// description: Addresses with many registrations that started in a period, and how many of
// description: them ended again within a short stay (in- en uitschrijvingen).
// title: Veel in- en uitschrijvingen op een adres
// roles: officer, case_preparer, analyst
// persons: no
// param: van date = 2023-01-01 -- inschrijvingen vanaf
// param: min_registrations integer = 5 -- minstens zoveel nieuwe inschrijvingen
// param: short_days integer = 180 -- een verblijf korter dan zoveel dagen telt als kort
// limit: 1000
// timeout: 15
MATCH (a:Address)<-[r:REGISTERED_AT]-(:Person)
WHERE r.start >= $van
WITH a, count(r) AS nieuw,
  count(CASE WHEN r.end IS NOT NULL AND duration.inDays(r.start, r.end).days < $short_days THEN 1 END) AS kort
WHERE nieuw >= $min_registrations
RETURN a AS adres, nieuw AS nieuwe_inschrijvingen, kort AS korte_verblijven
ORDER BY nieuw DESC
