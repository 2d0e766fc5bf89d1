// title: Busiest places
// zh.title: 最热闹的地点
// description: The places where the most events were held between two dates (YYYY-MM-DD, inclusive); a page at a time, with the total.
// zh.description: 两个日期之间举办活动最多的地点;分页显示,并给出总数。
// param: from date 2000-01-01 First day
// param: to date 2100-12-31 Last day
// param: skip integer 0 Places to skip (paging)
// param: limit integer 20 How many places per page; `total` says how many held any event
CALL () {
  MATCH (e:Event)-[:HELD_IN]->(pl:Place)
  WHERE e.date >= $from AND e.date <= $to
  RETURN count(DISTINCT pl) AS total
}
MATCH (e:Event)-[h:HELD_IN]->(pl:Place)
WHERE e.date >= $from AND e.date <= $to
WITH pl, total, count(DISTINCT e) AS events, collect(h) AS heldIn, collect(e) AS eventNodes
ORDER BY events DESC, pl.name, pl.id
SKIP $skip LIMIT $limit
RETURN pl.name AS place, pl.level AS level, events, pl, heldIn, eventNodes, total
