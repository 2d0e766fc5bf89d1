// title: Busiest officials
// zh.title: 最忙的官员
// description: The people who attended the most events between two dates (YYYY-MM-DD, inclusive); a page at a time, with the total.
// zh.description: 两个日期之间参加活动最多的人;分页显示,并给出总数。
// param: from date 2000-01-01 First day
// param: to date 2100-12-31 Last day
// param: skip integer 0 People to skip (paging)
// param: limit integer 20 How many people per page; `total` says how many attended any event
CALL () {
  MATCH (p:Person)-[:ATTENDED]->(e:Event)
  WHERE e.date >= $from AND e.date <= $to
  RETURN count(DISTINCT p) AS total
}
MATCH (p:Person)-[a:ATTENDED]->(e:Event)
WHERE e.date >= $from AND e.date <= $to
WITH p, total, count(DISTINCT e) AS events, collect(a) AS attended, collect(e) AS eventNodes
ORDER BY events DESC, p.name, p.id
SKIP $skip LIMIT $limit
RETURN p.name AS person, events, p, attended, eventNodes, total
