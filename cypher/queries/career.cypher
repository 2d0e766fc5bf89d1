// title: Career
// zh.title: 任职经历
// description: A person's career: one row per office and title, from (first seen) to (last seen, or the first sighting of a successor in the same title), with the evidence for each end and the person's event dates for the timeline.
// zh.description: 某人的任职经历:每个机构和职务一行,起(最早见报)止(最后见报,或同一职务继任者最早见报),各附证据;另附此人各项活动的日期。
// param: person string 徐旭 The person's name, or their id (name@scope)
MATCH (p:Person) WHERE p.id = $person OR p.name = $person
CALL (p) {
  MATCH (p)-[:ATTENDED]->(e:Event) WHERE e.date =~ '\\d{4}-\\d\\d-\\d\\d'
  WITH e.date AS date ORDER BY date LIMIT 5000
  RETURN collect(date) AS events
}
MATCH (p)-[h:HOLDS]->(o:Office)
// Each HOLDS is one sighting in one article; its date is the article's (asOf).
WITH p, events, o, h.title AS title, h, CASE WHEN h.asOf =~ '\\d{4}-\\d\\d-\\d\\d' THEN h.asOf END AS seen
ORDER BY seen
WITH p, events, o, title, collect(h) AS sightings, [d IN collect(seen) WHERE d IS NOT NULL] AS dates
WITH p, events, o, title, sightings, head(dates) AS firstSeen, last(dates) AS lastSeen
// A successor only for a post one person holds at a time: nobody else seen in the same title during
// the tenure (常委, 副县长 are held by several at once and have no successor).
CALL (p, o, title, firstSeen, lastSeen) {
  OPTIONAL MATCH (q:Person)-[h2:HOLDS]->(o)
  WHERE q <> p AND h2.title = title AND lastSeen IS NOT NULL AND h2.asOf > lastSeen
    AND h2.asOf =~ '\\d{4}-\\d\\d-\\d\\d'
    AND NOT EXISTS {
      MATCH (r:Person)-[h3:HOLDS]->(o)
      WHERE r <> p AND h3.title = title AND h3.asOf >= firstSeen AND h3.asOf <= lastSeen
    }
  WITH q, min(h2.asOf) AS since ORDER BY since
  RETURN head(collect(CASE WHEN q IS NULL THEN NULL ELSE {id: q.id, name: q.name, since: since} END)) AS successor
}
RETURN p.id AS person, o.id AS officeId, o.name AS office, title, head(sightings).position AS position,
       firstSeen AS from, 'first seen' AS fromBasis,
       coalesce(successor.since, lastSeen) AS to,
       CASE WHEN successor IS NOT NULL THEN 'successor' ELSE 'last seen' END AS toBasis,
       successor, size(sightings) AS sightings,
       head([h IN sightings WHERE h.asOf = firstSeen] + sightings) AS fromEvidence,
       last(sightings) AS toEvidence, events
ORDER BY coalesce(from, '9999'), office, title
