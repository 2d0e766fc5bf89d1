// title: Who attended what where
// zh.title: 参加了什么、在哪里
// description: Every event a person attended, with their role, the date, and the places where it was held.
// zh.description: 某人参加的每一项活动,以及角色、日期和举办地点。
// param: name string 章旭升 The person's name, or their id (name@scope) to tell namesakes apart
// param: limit integer 1000 At most this many events (the earliest first); `total` says how many there are
MATCH (p0:Person) WHERE p0.id = $name OR p0.name = $name
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
WITH p0, people WHERE p0.id = $name OR all(q IN people WHERE p0.id <= q.id)
CALL (people) {
  UNWIND people AS p
  MATCH (p)-[:ATTENDED]->(e:Event)
  RETURN count(DISTINCT e) AS total
}
UNWIND people AS p
MATCH (p)-[a:ATTENDED]->(e:Event)
WITH p, a, e, total
ORDER BY e.date, e.id
LIMIT $limit
OPTIONAL MATCH held = (e)-[:HELD_IN]->(:Place)
RETURN p, a, e, collect(held) AS places, e.date AS date, a.role AS role, total
ORDER BY date
