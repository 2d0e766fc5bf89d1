// title: Overview: who attended what where
// zh.title: 最新活动:谁在何地参加了什么
// description: The most recent events with the people who attended them and the places where they were held.
// zh.description: 最近的活动,参加的人和举办地点。
// param: limit integer 300 Maximum number of events
MATCH (e:Event)
WITH e ORDER BY e.date IS NULL, e.date DESC, e.id LIMIT $limit
OPTIONAL MATCH attended = (:Person)-[:ATTENDED]->(e)
OPTIONAL MATCH heldIn = (e)-[:HELD_IN]->(:Place)
RETURN e, collect(DISTINCT attended) AS attended, collect(DISTINCT heldIn) AS heldIn
