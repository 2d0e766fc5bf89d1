// title: A place's events as a table
// zh.title: 某地的活动(表格)
// description: One row per event held in a place or anywhere below it: date, kind, title, place, who came with their roles, source article; filtered by date range, kinds and roles, sorted, a page at a time with `total`.
// zh.description: 在某地或其下辖地方举办的每一项活动一行:日期、类型、标题、地点、参加人员及角色、来源文章;可筛选、排序、分页并给出总数。
// param: place string 柯城区 The place name, or its division code
// param: from date 0000-01-01 Earliest date (0000-01-01: no bound; undated events only without bounds)
// param: to date 9999-12-31 Latest date (9999-12-31: no bound)
// param: kinds string * Event kinds, comma-separated (会议,调研), or * for all
// param: roles string * Only events where someone had one of these roles (主持,陪同), or * for all
// param: sort string date Sort by date, kind, title, place or article
// param: desc boolean false Sort descending
// param: skip integer 0 Rows to skip (paging)
// param: limit integer 500 At most this many rows; `total` says how many there are
MATCH (top:Place) WHERE top.id = $place OR top.name = $place
MATCH (pl:Place)-[:PART_OF*0..5]->(top)
MATCH (e:Event)-[:HELD_IN]->(pl)
WHERE (($from = '0000-01-01' AND $to = '9999-12-31') OR (e.date >= $from AND e.date <= $to))
  AND ($kinds = '*' OR e.kind IN split($kinds, ','))
  AND ($roles = '*' OR EXISTS { (:Person)-[a:ATTENDED]->(e) WHERE a.role IN split($roles, ',') })
WITH DISTINCT e, collect(DISTINCT pl.name) AS places
WITH e, reduce(s = '', n IN places | s + CASE s WHEN '' THEN '' ELSE '、' END + n) AS place
CALL (e) {
  OPTIONAL MATCH (e)-[:REPORTED_IN]->(ar:Article)
  RETURN coalesce(head(collect(ar.headline)), '') AS headline, head(collect(ar.id)) AS article
}
WITH e, place, headline, article,
     CASE $sort WHEN 'kind' THEN e.kind WHEN 'title' THEN e.title WHEN 'place' THEN place
       WHEN 'article' THEN headline ELSE e.date END AS key
ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN NOT $desc THEN key END ASC, e.date, e.id
WITH collect({e: e, place: place, headline: headline, article: article}) AS found
UNWIND found[$skip..$skip + $limit] AS r
WITH r.e AS e, r.place AS place, r.headline AS headline, r.article AS article, size(found) AS total
CALL (e) {
  OPTIONAL MATCH (who:Person)-[a:ATTENDED]->(e)
  RETURN collect(DISTINCT who.name + coalesce('(' + a.role + ')', '')) AS people
}
RETURN e.date AS date, e.kind AS kind, e.title AS title, place, people, headline, article, e.id AS event,
       total
