// title: Which nodes lie within a place
// zh.title: 哪些节点在某地点之内
// description: Of the places and events given (the nodes on screen), those that lie in a place or anywhere below it (the place filter); the answer is as long as the question, whatever the place holds.
// zh.description: 在给定的地点和事件(屏幕上的节点)中,位于某地点或其下辖地点之内的那些(地点筛选)。
// param: place string 柯城区 The place name or its id (division code)
// param: ids string Place:330802 The nodes to test: their keys (Place:id, Event:id), comma-separated
MATCH (top:Place) WHERE top.id = $place OR top.name = $place
WITH top, split($ids, ',') AS keys
CALL (top, keys) {
  UNWIND keys AS key
  WITH substring(key, 6) AS id WHERE key STARTS WITH 'Place:'
  MATCH (pl:Place {id: id}) WHERE EXISTS { (pl)-[:PART_OF*0..6]->(top) }
  RETURN collect(pl) AS places
}
CALL (top, keys) {
  UNWIND keys AS key
  WITH substring(key, 6) AS id WHERE key STARTS WITH 'Event:'
  MATCH (e:Event {id: id}) WHERE EXISTS { (e)-[:HELD_IN]->(:Place)-[:PART_OF*0..6]->(top) }
  RETURN collect(e) AS events
}
RETURN top.name AS name, top, places, events
