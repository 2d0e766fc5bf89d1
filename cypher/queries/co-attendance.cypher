// title: People who met
// zh.title: 与谁见过面
// description: People who attended the same events as a person, with how many events they shared; the most met first, a page at a time, with the total.
// zh.description: 与某人共同参加过活动的人,以及共同参加的次数;见面最多的在前,分页显示,并给出总数。
// param: name string 胡勇春 The person's name, or their id (name@scope) to tell namesakes apart
// param: skip integer 0 People to skip (paging)
// param: limit integer 100 At most this many people per page; `total` says how many there are
MATCH (p:Person) WHERE p.id = $name OR p.name = $name
CALL (p) {
  MATCH (p)-[:ATTENDED]->(:Event)<-[:ATTENDED]-(other:Person)
  WHERE other <> p
  RETURN count(DISTINCT other) AS total
}
MATCH (p)-[a1:ATTENDED]->(e:Event)<-[a2:ATTENDED]-(other:Person)
WHERE other <> p
WITH p, other, total, count(DISTINCT e) AS meetings, collect(DISTINCT e.date) AS dates,
     collect(a1) + collect(a2) AS attended, collect(e) AS events
ORDER BY meetings DESC, other.name, other.id
SKIP $skip LIMIT $limit
RETURN other.name AS person, meetings, dates, p, other, attended, events, total
