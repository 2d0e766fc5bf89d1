// title: An official's positions over time
// description: The offices a person held, as the articles report them, ordered by date.
// param: name string 胡勇春 The person's name, or their id (name@scope) to tell namesakes apart
MATCH (p:Person) WHERE p.id = $name OR p.name = $name
MATCH (p)-[h:HOLDS]->(o:Office)
RETURN p, h, o, h.position AS position, o.name AS office, h.asOf AS asOf, h.sentence AS evidence
ORDER BY asOf, position
