// title: Career
// zh.title: 任职经历
// description: A person's career: one row per office and title, from (appointment or election, else first seen) to (removal or resignation, else the first sighting of a successor in the same title, else last seen), with the evidence for each end and the person's event dates for the timeline.
// zh.description: 某人的任职经历:每个机构和职务一行,起(任命或当选,否则最早见报)止(免职或辞职,否则同一职务继任者最早见报,否则最后见报),各附证据;另附此人各项活动的日期。
// param: person string 徐旭 The person's name, or their id (name@scope)
MATCH (p0:Person) WHERE p0.id = $person OR p0.name = $person
// Namesakes a reviewer decided are one person (NamesakeDecision {verdict: 'same'}) count as one: the
// decisions are kept closed under "same", so one step finds the whole group.
CALL (p0) {
  OPTIONAL MATCH (d:NamesakeDecision) WHERE (d.a = p0.id OR d.b = p0.id) AND d.verdict = 'same'
  WITH p0, [x IN collect(d.a) + collect(d.b) WHERE x <> p0.id] AS others
  OPTIONAL MATCH (q:Person) WHERE q.id IN others
  WITH p0, collect(q) AS found
  RETURN [p0] + found AS people
}
// Asked by name, a merged group answers once (for its smallest id).
WITH p0, people WHERE p0.id = $person OR all(q IN people WHERE p0.id <= q.id)
CALL (people) {
  UNWIND people AS p
  MATCH (p)-[:ATTENDED]->(e:Event) WHERE e.date =~ '\\d{4}-\\d\\d-\\d\\d'
  WITH e.date AS date ORDER BY date LIMIT 5000
  RETURN collect(date) AS events
}
// One row per office and title the person was seen in (HOLDS) or appointed to or removed from (APPOINTED).
CALL (people) {
  UNWIND people AS p
  MATCH (p)-[h:HOLDS]->(o:Office) RETURN DISTINCT o, h.title AS title
  UNION
  UNWIND people AS p
  MATCH (p)-[a:APPOINTED]->(o:Office) RETURN DISTINCT o, a.title AS title
}
// Each HOLDS is one sighting in one article; its date is the article's (asOf).
CALL (people, o, title) {
  UNWIND people AS p
  OPTIONAL MATCH (p)-[h:HOLDS]->(o) WHERE h.title = title
  WITH h, CASE WHEN h.asOf =~ '\\d{4}-\\d\\d-\\d\\d' THEN h.asOf END AS seen
  ORDER BY seen
  RETURN collect(h) AS sightings, [d IN collect(seen) WHERE d IS NOT NULL] AS dates
}
// Each APPOINTED is one decision; its day is the decision's, a --MM-DD day takes the article's year, and
// a decision without a day is dated by its article.
CALL (people, o, title) {
  UNWIND people AS p
  OPTIONAL MATCH (p)-[a:APPOINTED]->(o) WHERE a.title = title
  WITH a, CASE WHEN a.date =~ '\\d{4}-\\d\\d-\\d\\d' THEN a.date
               WHEN a.date =~ '--\\d\\d-\\d\\d' AND a.asOf =~ '\\d{4}-.*' THEN substring(a.asOf, 0, 4) + substring(a.date, 1)
               WHEN a.date IS NULL AND a.asOf =~ '\\d{4}-\\d\\d-\\d\\d' THEN a.asOf END AS day
  ORDER BY day
  RETURN collect(a) AS decisions,
         collect(CASE WHEN a.action IN ['appoint', 'elect'] AND day IS NOT NULL THEN {r: a, day: day} END) AS starts,
         collect(CASE WHEN a.action IN ['remove', 'resign'] AND day IS NOT NULL THEN {r: a, day: day} END) AS ends
}
WITH p0, people, events, o, title, sightings, decisions, head(dates) AS firstSeen, last(dates) AS lastSeen,
     head(starts) AS appointed, last(ends) AS removed
// The start is the earliest of the first appointment and the first sighting (a tie goes to the decision).
WITH *, appointed IS NOT NULL AND (firstSeen IS NULL OR appointed.day <= firstSeen) AS byDecision
WITH *, CASE WHEN byDecision THEN appointed.day ELSE firstSeen END AS from
// A removal ends the tenure; otherwise a successor, but only for a post one person holds at a time:
// nobody else seen in the same title during the tenure (常委, 副县长 are held by several at once).
CALL (people, o, title, firstSeen, lastSeen, removed) {
  OPTIONAL MATCH (q:Person)-[h2:HOLDS]->(o)
  WHERE removed IS NULL AND NOT q IN people AND h2.title = title AND lastSeen IS NOT NULL AND h2.asOf > lastSeen
    AND h2.asOf =~ '\\d{4}-\\d\\d-\\d\\d'
    AND NOT EXISTS {
      MATCH (r:Person)-[h3:HOLDS]->(o)
      WHERE NOT r IN people AND h3.title = title AND h3.asOf >= firstSeen AND h3.asOf <= lastSeen
    }
  WITH q, min(h2.asOf) AS since ORDER BY since
  RETURN head(collect(CASE WHEN q IS NULL THEN NULL ELSE {id: q.id, name: q.name, since: since} END)) AS successor
}
RETURN p0.id AS person, o.id AS officeId, o.name AS office, title,
       coalesce(head(sightings).position, head(decisions).position) AS position,
       from,
       CASE WHEN byDecision THEN CASE appointed.r.action WHEN 'elect' THEN 'elected' ELSE 'appointed' END
            WHEN from IS NOT NULL THEN 'first seen' END AS fromBasis,
       CASE WHEN removed IS NOT NULL THEN removed.day ELSE coalesce(successor.since, lastSeen) END AS to,
       CASE WHEN removed IS NOT NULL THEN CASE removed.r.action WHEN 'resign' THEN 'resigned' ELSE 'removed' END
            WHEN successor IS NOT NULL THEN 'successor' ELSE 'last seen' END AS toBasis,
       successor, size(sightings) AS sightings, decisions,
       CASE WHEN byDecision THEN appointed.r ELSE head([h IN sightings WHERE h.asOf = firstSeen] + sightings) END AS fromEvidence,
       CASE WHEN removed IS NOT NULL THEN removed.r ELSE last(sightings) END AS toEvidence, events
ORDER BY coalesce(from, '9999'), office, title
