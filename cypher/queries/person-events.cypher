// title: Who attended what where
// description: Every event a person attended, with their role, the date, and the places where it was held.
// param: name string 章旭升 The person's name, or their id (name@scope) to tell namesakes apart
MATCH (p:Person) WHERE p.id = $name OR p.name = $name
MATCH (p)-[a:ATTENDED]->(e:Event)
OPTIONAL MATCH held = (e)-[:HELD_IN]->(:Place)
RETURN p, a, e, collect(held) AS places, e.date AS date, a.role AS role
ORDER BY date
