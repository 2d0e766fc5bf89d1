// title: Shortest connection between two people
// zh.title: 两人之间的最短联系
// description: The shortest chain of events, places and offices linking two people.
// zh.description: 连接两个人的最短的活动、地点和机构链。
// param: from string 章旭升 One person's name or id
// param: to string 胡勇春 The other person's name or id
MATCH (a:Person) WHERE a.id = $from OR a.name = $from
MATCH (b:Person) WHERE b.id = $to OR b.name = $to
MATCH path = shortestPath((a)-[:ATTENDED|HELD_IN|HOLDS|GOVERNS|PART_OF*..12]-(b))
RETURN path, length(path) AS hops
ORDER BY hops
LIMIT 1
