// title: Shortest connection between two people
// description: The shortest chain of events, places and offices linking two people.
// param: from string 章旭升 One person's name
// param: to string 胡勇春 The other person's name
MATCH (a:Person {name: $from}), (b:Person {name: $to})
MATCH path = shortestPath((a)-[:ATTENDED|HELD_IN|HOLDS|GOVERNS|PART_OF*..12]-(b))
RETURN path, length(path) AS hops
ORDER BY hops
LIMIT 1
