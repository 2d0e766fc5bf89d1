// title: Busiest officials
// zh.title: 最忙的官员
// description: The people who attended the most events between two dates (YYYY-MM-DD, inclusive).
// zh.description: 两个日期之间参加活动最多的人。
// param: from date 2000-01-01 First day
// param: to date 2100-12-31 Last day
// param: limit integer 20 How many people
MATCH (p:Person)-[a:ATTENDED]->(e:Event)
WHERE e.date >= $from AND e.date <= $to
RETURN p.name AS person, count(DISTINCT e) AS events, p, collect(a) AS attended, collect(e) AS eventNodes
ORDER BY events DESC, person
LIMIT $limit
