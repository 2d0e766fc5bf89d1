// title: Everything in a place
// zh.title: 某地的一切活动
// description: Events held in a place or anywhere below it in the hierarchy (its towns and villages), with who came; a page at a time (the earliest first), with the total.
// zh.description: 在某地或其下辖乡镇、村举办的活动,以及参加的人;分页显示(最早的在前),并给出总数。
// param: place string 柯城区 The place name, or its division code
// param: skip integer 0 Events to skip (paging)
// param: limit integer 1000 At most this many events per page; `total` says how many there are
MATCH (top:Place) WHERE top.id = $place OR top.name = $place
CALL (top) {
  MATCH (pl:Place)-[:PART_OF*0..5]->(top)
  MATCH (e:Event)-[:HELD_IN]->(pl)
  RETURN collect(DISTINCT e) AS events
}
WITH top, size(events) AS total, events
UNWIND events AS e
WITH top, total, e ORDER BY e.date, e.id SKIP $skip LIMIT $limit
MATCH (e)-[h:HELD_IN]->(pl:Place) WHERE (pl)-[:PART_OF*0..5]->(top)
OPTIONAL MATCH came = (:Person)-[:ATTENDED]->(e)
RETURN top, pl, h, e, collect(came) AS attendees, e.date AS date, total
ORDER BY date, e.id
