// title: A person's events in a place
// zh.title: 某人在某地的活动
// description: The events a person attended in a place or anywhere below it, with the other attendees (the overview's drill-down).
// zh.description: 某人在某地(含下辖地点)参加的活动及其他参加者(总览的下钻)。
// param: person string 章旭升 The person's name or id (name@scope)
// param: place string 柯城区 The place name or its id (division code)
// param: limit integer 1000 At most this many events
MATCH (p:Person) WHERE p.id = $person OR p.name = $person
MATCH (top:Place) WHERE top.id = $place OR top.name = $place
CALL (p, top) {
  MATCH (p)-[:ATTENDED]->(e:Event)-[:HELD_IN]->(:Place)-[:PART_OF*0..5]->(top)
  RETURN count(DISTINCT e) AS total
}
MATCH (p)-[a:ATTENDED]->(e:Event)-[h:HELD_IN]->(pl:Place)-[:PART_OF*0..5]->(top)
WITH DISTINCT p, a, e, h, pl, top, total
ORDER BY e.date, e.id
LIMIT $limit
OPTIONAL MATCH came = (:Person)-[:ATTENDED]->(e)
RETURN p, a, e, h, pl, top, collect(came) AS attendees, e.date AS date, total
ORDER BY date
