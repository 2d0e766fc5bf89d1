// title: Busiest officials
// description: The people who attended the most events between two dates (YYYY-MM-DD, inclusive).
// param: from string 2000-01-01 First day
// param: to string 2100-12-31 Last day
// param: limit integer 20 How many people
MATCH (p:Person)-[a:ATTENDED]->(e:Event)
WHERE e.date >= $from AND e.date <= $to
RETURN p.name AS person, count(DISTINCT e) AS events, p, collect(a) AS attended, collect(e) AS eventNodes
ORDER BY events DESC, person
LIMIT $limit
