// title: Place × official matrix
// zh.title: 地点 × 官员 矩阵
// description: For a place and a period: one row per place below it (towns, villages; visited or not), one column per official (the most active first), each cell the number of events the official attended there or below it.
// zh.description: 某地在一段时间内:其下辖每个地方(乡镇、村,无论是否有人去过)一行,每位官员(活动多者在前)一列,单元格为该官员在该地及其下辖地方参加活动的次数。
// param: place string 柯城区 The place name, or its division code
// param: from date 0000-01-01 Earliest date (0000-01-01: no bound)
// param: to date 9999-12-31 Latest date (9999-12-31: no bound)
// param: kinds string * Event kinds, comma-separated, or * for all
// param: roles string * Roles, comma-separated, or * for all
// param: officials integer 30 At most this many officials as columns; `totalOfficials` says how many there are
// param: limit integer 2000 At most this many places as rows; `total` says how many there are
MATCH (top:Place) WHERE top.id = $place OR top.name = $place
WITH top ORDER BY top.id LIMIT 1
CALL (top) {
  MATCH (pl:Place)-[:PART_OF*0..5]->(top)
  MATCH (e:Event)-[:HELD_IN]->(pl)
  WHERE (($from = '0000-01-01' AND $to = '9999-12-31') OR (e.date >= $from AND e.date <= $to))
    AND ($kinds = '*' OR e.kind IN split($kinds, ','))
  MATCH (p:Person {official: true})-[a:ATTENDED]->(e)
  WHERE $roles = '*' OR a.role IN split($roles, ',')
  WITH p, count(DISTINCT e) AS visits
  ORDER BY visits DESC, p.name, p.id
  RETURN collect({id: p.id, name: p.name, visits: visits}) AS ranked
}
WITH top, ranked[0..$officials] AS officials, size(ranked) AS totalOfficials
WITH top, officials, totalOfficials, [o IN officials | o.id] AS ids
CALL (top) {
  MATCH (pl:Place)-[:PART_OF*1..5]->(top)
  RETURN count(DISTINCT pl) AS total
}
MATCH path = (pl:Place)-[:PART_OF*1..5]->(top)
WITH top, officials, totalOfficials, ids, total, pl, nodes(path)[1] AS parent
ORDER BY pl.id
LIMIT $limit
CALL (pl, ids) {
  MATCH (x:Place)-[:PART_OF*0..5]->(pl)
  MATCH (e:Event)-[:HELD_IN]->(x)
  WHERE (($from = '0000-01-01' AND $to = '9999-12-31') OR (e.date >= $from AND e.date <= $to))
    AND ($kinds = '*' OR e.kind IN split($kinds, ','))
  WITH DISTINCT e
  MATCH (p:Person)-[a:ATTENDED]->(e)
  WHERE p.id IN ids AND ($roles = '*' OR a.role IN split($roles, ','))
  WITH p, count(DISTINCT e) AS n
  RETURN collect({id: p.id, n: n}) AS cells
}
RETURN top.name AS within, pl.id AS id, pl.name AS place, pl.level AS level, parent.name AS parent,
       cells, officials, total, totalOfficials
