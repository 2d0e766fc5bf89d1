// title: A person's events and places
// description: Every event a person attended, with the role, the date and where it was held.
// param: name string 章旭升 The person's name
MATCH (p:Person {name: $name})-[a:ATTENDED]->(e:Event)
OPTIONAL MATCH (e)-[:HELD_IN]->(pl:Place)
RETURN p.name AS person, a.role AS role, e.date AS date, e.kind AS kind, e.title AS event,
       collect(pl.name) AS places, a.sentence AS evidence
ORDER BY date
