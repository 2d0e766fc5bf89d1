// title: Overview: who attended what where
// description: The most recent events with the people who attended them and the places where they were held.
// param: limit integer 300 Maximum number of events
MATCH (e:Event)
WITH e ORDER BY e.date IS NULL, e.date DESC, e.id LIMIT $limit
OPTIONAL MATCH attended = (:Person)-[:ATTENDED]->(e)
OPTIONAL MATCH heldIn = (e)-[:HELD_IN]->(:Place)
RETURN e, collect(DISTINCT attended) AS attended, collect(DISTINCT heldIn) AS heldIn
