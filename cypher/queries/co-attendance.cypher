// title: People who met
// zh.title: 与谁见过面
// description: People who attended the same events as a person, with how many events they shared; the most met first, a page at a time, with the total.
// zh.description: 与某人共同参加过活动的人,以及共同参加的次数;见面最多的在前,分页显示,并给出总数。
// param: name string 胡勇春 The person's name, or their id (name@scope) to tell namesakes apart
// param: skip integer 0 People to skip (paging)
// param: limit integer 100 At most this many people per page; `total` says how many there are
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
  MATCH (p)-[:ATTENDED]->(:Event)<-[:ATTENDED]-(other:Person)
  WHERE NOT other IN people
  RETURN count(DISTINCT other) AS total
}
UNWIND people AS p
MATCH (p)-[a1:ATTENDED]->(e:Event)<-[a2:ATTENDED]-(other:Person)
WHERE NOT other IN people
WITH p0, people, other, total, count(DISTINCT e) AS meetings, collect(DISTINCT e.date) AS dates,
     collect(a1) + collect(a2) AS attended, collect(e) AS events
ORDER BY meetings DESC, other.name, other.id
SKIP $skip LIMIT $limit
// `namesakes`: the person's namesakes decided the same, whose attendances are among `attended`.
RETURN other.name AS person, meetings, dates, p0 AS p, other, attended, events, total,
       [q IN people WHERE q <> p0] AS namesakes
