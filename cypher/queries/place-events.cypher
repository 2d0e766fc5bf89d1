// title: Everything in a place
// zh.title: 某地的一切活动
// description: Events held in a place or anywhere below it in the hierarchy (its towns and villages), with who came.
// zh.description: 在某地或其下辖乡镇、村举办的活动,以及参加的人。
// param: place string 柯城区 The place name, or its division code
// param: limit integer 1000 At most this many events (the earliest first); `total` says how many there are
MATCH (top:Place) WHERE top.id = $place OR top.name = $place
CALL (top) {
  MATCH (pl:Place)-[:PART_OF*0..5]->(top)
  MATCH (e:Event)-[:HELD_IN]->(pl)
  RETURN count(DISTINCT e) AS total
}
MATCH (pl:Place)-[:PART_OF*0..5]->(top)
MATCH (e:Event)-[h:HELD_IN]->(pl)
WITH top, pl, h, e, total
ORDER BY e.date, e.id
LIMIT $limit
OPTIONAL MATCH came = (:Person)-[:ATTENDED]->(e)
RETURN top, pl, h, e, collect(came) AS attendees, e.date AS date, total
ORDER BY date
