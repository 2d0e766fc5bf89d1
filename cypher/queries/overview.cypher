// title: Overview: who attended what where
// zh.title: 最新活动:谁在何地参加了什么
// description: The most recent events with the people who attended them and the places where they were held; a page at a time (the newest first, undated events last), with the total.
// zh.description: 最近的活动,参加的人和举办地点;分页显示(最新的在前,无日期的在最后),并给出总数。
// param: skip integer 0 Events to skip (paging)
// param: limit integer 300 At most this many events per page; `total` says how many there are
// The total comes from the count store and the dated events from the date index read backwards, so a
// page costs what it holds; the undated ones (no index entry) are read only once the dated run out.
CALL () { MATCH (e:Event) RETURN count(e) AS total }
CALL () {
  MATCH (e:Event) WHERE e.date IS NOT NULL
  WITH e ORDER BY e.date DESC LIMIT $skip + $limit
  RETURN collect(e) AS dated
}
CALL (dated, total) {
  WITH dated, total WHERE size(dated) < $skip + $limit AND size(dated) < total
  MATCH (e:Event) WHERE e.date IS NULL
  WITH e ORDER BY e.id LIMIT $skip + $limit
  RETURN collect(e) AS undated
}
WITH total, (dated + undated)[$skip..$skip + $limit] AS page
UNWIND range(0, size(page) - 1) AS i
WITH total, i, page[i] AS e
OPTIONAL MATCH attended = (:Person)-[:ATTENDED]->(e)
OPTIONAL MATCH heldIn = (e)-[:HELD_IN]->(:Place)
WITH i, e, total, collect(DISTINCT attended) AS attended, collect(DISTINCT heldIn) AS heldIn
RETURN e, attended, heldIn, total
ORDER BY i
