// title: Everything within a place
// zh.title: 某地点之内的一切
// description: A place, the places below it and the events held in any of them (the place filter).
// zh.description: 一个地点、其下辖地点以及在这些地点举办的事件(地点筛选)。
// param: place string 柯城区 The place name or its id (division code)
MATCH (top:Place) WHERE top.id = $place OR top.name = $place
OPTIONAL MATCH (pl:Place)-[:PART_OF*0..6]->(top)
OPTIONAL MATCH (e:Event)-[:HELD_IN]->(pl)
RETURN top.name AS name, collect(DISTINCT pl) AS places, collect(DISTINCT e) AS events
