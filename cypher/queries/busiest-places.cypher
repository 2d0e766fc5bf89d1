// title: Busiest places
// description: The places where the most events were held between two dates (YYYY-MM-DD, inclusive).
// param: from string 2000-01-01 First day
// param: to string 2100-12-31 Last day
// param: limit integer 20 How many places
MATCH (e:Event)-[h:HELD_IN]->(pl:Place)
WHERE e.date >= $from AND e.date <= $to
RETURN pl.name AS place, pl.level AS level, count(DISTINCT e) AS events, pl, collect(h) AS heldIn, collect(e) AS eventNodes
ORDER BY events DESC, place
LIMIT $limit
