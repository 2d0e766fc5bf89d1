// title: Everything in a place
// description: Events held in a place or anywhere below it in the hierarchy (its towns and villages), with who came.
// param: place string 柯城区 The place name, or its division code
MATCH (top:Place) WHERE top.id = $place OR top.name = $place
MATCH (pl:Place)-[:PART_OF*0..5]->(top)
MATCH (e:Event)-[h:HELD_IN]->(pl)
OPTIONAL MATCH came = (:Person)-[:ATTENDED]->(e)
RETURN top, pl, h, e, collect(came) AS attendees, e.date AS date
ORDER BY date
