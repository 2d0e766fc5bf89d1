// title: Who attended what where
// description: Every event a person attended, with their role, the date, and the places where it was held.
// param: name string 章旭升 The person's name
MATCH (p:Person {name: $name})-[a:ATTENDED]->(e:Event)
OPTIONAL MATCH held = (e)-[:HELD_IN]->(:Place)
RETURN p, a, e, collect(held) AS places, e.date AS date, a.role AS role
ORDER BY date
