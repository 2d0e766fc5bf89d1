// title: A person's events in a place
// zh.title: 某人在某地的活动
// description: The events a person attended in a place or anywhere below it, with the other attendees (the overview's drill-down); a page at a time (the earliest first), with the total.
// zh.description: 某人在某地(含下辖地点)参加的活动及其他参加者(总览的下钻)。
// param: person string 章旭升 The person's name or id (name@scope)
// param: place string 柯城区 The place name or its id (division code)
// param: skip integer 0 Events to skip (paging)
// param: limit integer 1000 At most this many events per page; `total` says how many there are
MATCH (p:Person) WHERE p.id = $person OR p.name = $person
MATCH (top:Place) WHERE top.id = $place OR top.name = $place
// One walk finds the events, sorted once; a page is a slice of them (paged by event, not by row).
CALL (p, top) {
  MATCH (p)-[:ATTENDED]->(e:Event)-[:HELD_IN]->(:Place)-[:PART_OF*0..5]->(top)
  WITH DISTINCT e ORDER BY e.date, e.id
  RETURN collect(e) AS events
}
WITH p, top, size(events) AS total, events[$skip..$skip + $limit] AS page
UNWIND page AS e
MATCH (p)-[a:ATTENDED]->(e)-[h:HELD_IN]->(pl:Place) WHERE (pl)-[:PART_OF*0..5]->(top)
OPTIONAL MATCH came = (:Person)-[:ATTENDED]->(e)
RETURN p, a, e, h, pl, top, collect(came) AS attendees, e.date AS date, total
ORDER BY date, e.id
