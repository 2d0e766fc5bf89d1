// title: Holders of an office
// zh.title: 某职务的历任者
// description: Who was seen holding a position in an office, by title, in the order they were first seen, with the last sighting; predecessors come before, successors after.
// zh.description: 某机构各职务的任职者,按最早见报日期排列,并给出最后见报日期;前任在前,继任在后。
// param: office string 柯城区委 The office's name or id
MATCH (o:Office) WHERE o.id = $office OR o.name = $office
MATCH (p:Person)-[h:HOLDS]->(o)
WITH o, p, h.title AS title, h, CASE WHEN h.asOf =~ '\\d{4}-\\d\\d-\\d\\d' THEN h.asOf END AS seen
ORDER BY seen
WITH o, p, title, collect(h) AS sightings, [d IN collect(seen) WHERE d IS NOT NULL] AS dates
RETURN o.id AS officeId, o.name AS office, title, p.id AS personId, p.name AS person,
       head(dates) AS firstSeen, last(dates) AS lastSeen, size(sightings) AS sightings,
       head(sightings) AS evidence
ORDER BY title, coalesce(firstSeen, '9999'), lastSeen, person
