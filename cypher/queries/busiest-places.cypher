// title: Busiest places
// zh.title: 最热闹的地点
// description: The places where the most events were held between two dates (YYYY-MM-DD, inclusive).
// zh.description: 两个日期之间举办活动最多的地点。
// param: from date 2000-01-01 First day
// param: to date 2100-12-31 Last day
// param: limit integer 20 How many places
MATCH (e:Event)-[h:HELD_IN]->(pl:Place)
WHERE e.date >= $from AND e.date <= $to
RETURN pl.name AS place, pl.level AS level, count(DISTINCT e) AS events, pl, collect(h) AS heldIn, collect(e) AS eventNodes
ORDER BY events DESC, place
LIMIT $limit
