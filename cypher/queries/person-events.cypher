// title: Who attended what where
// zh.title: 参加了什么、在哪里
// description: Every event a person attended, with their role, the date, and the places where it was held.
// zh.description: 某人参加的每一项活动,以及角色、日期和举办地点。
// param: name string 章旭升 The person's name, or their id (name@scope) to tell namesakes apart
// param: limit integer 1000 At most this many events (the earliest first); `total` says how many there are
MATCH (p:Person) WHERE p.id = $name OR p.name = $name
CALL (p) {
  MATCH (p)-[:ATTENDED]->(e:Event)
  RETURN count(DISTINCT e) AS total
}
MATCH (p)-[a:ATTENDED]->(e:Event)
WITH p, a, e, total
ORDER BY e.date, e.id
LIMIT $limit
OPTIONAL MATCH held = (e)-[:HELD_IN]->(:Place)
RETURN p, a, e, collect(held) AS places, e.date AS date, a.role AS role, total
ORDER BY date
