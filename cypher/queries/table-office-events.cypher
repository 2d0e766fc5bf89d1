// title: An office's events as a table
// zh.title: 某机构人员的活动(表格)
// description: One row per event attended by someone seen holding a position in an office: date, kind, title, places, person, role, who else came, source article; filtered, sorted, a page at a time with `total`.
// zh.description: 在某机构任职的人参加的每一项活动一行:日期、类型、标题、地点、人员、角色、同场人员、来源文章;可筛选、排序、分页并给出总数。
// param: office string 永康市委 The office's name or id
// param: from date 0000-01-01 Earliest date (0000-01-01: no bound; undated events only without bounds)
// param: to date 9999-12-31 Latest date (9999-12-31: no bound)
// param: kinds string * Event kinds, comma-separated (会议,调研), or * for all
// param: roles string * Roles, comma-separated (主持,参加), or * for all
// param: sort string date Sort by date, kind, title, place, person, role or article
// param: desc boolean false Sort descending
// param: skip integer 0 Rows to skip (paging)
// param: limit integer 500 At most this many rows; `total` says how many there are
MATCH (o:Office) WHERE o.id = $office OR o.name = $office
MATCH (p:Person)-[:HOLDS]->(o)
WITH DISTINCT p
MATCH (p)-[a:ATTENDED]->(e:Event)
WHERE (($from = '0000-01-01' AND $to = '9999-12-31') OR (e.date >= $from AND e.date <= $to))
  AND ($kinds = '*' OR e.kind IN split($kinds, ','))
  AND ($roles = '*' OR a.role IN split($roles, ','))
CALL (e) {
  OPTIONAL MATCH (e)-[:HELD_IN]->(pl:Place)
  RETURN coalesce(reduce(s = '', n IN collect(DISTINCT pl.name) | s + CASE s WHEN '' THEN '' ELSE '、' END + n), '') AS place
}
CALL (e) {
  OPTIONAL MATCH (e)-[:REPORTED_IN]->(ar:Article)
  RETURN coalesce(head(collect(ar.headline)), '') AS headline, head(collect(ar.id)) AS article
}
WITH p, a, e, place, headline, article,
     CASE $sort WHEN 'kind' THEN e.kind WHEN 'title' THEN e.title WHEN 'place' THEN place
       WHEN 'person' THEN p.name WHEN 'role' THEN a.role WHEN 'article' THEN headline ELSE e.date END AS key
ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN NOT $desc THEN key END ASC, e.date, e.id, p.name
WITH collect({p: p, a: a, e: e, place: place, headline: headline, article: article}) AS found
UNWIND found[$skip..$skip + $limit] AS r
WITH r.p AS p, r.a AS a, r.e AS e, r.place AS place, r.headline AS headline, r.article AS article,
     size(found) AS total
CALL (p, e) {
  OPTIONAL MATCH (other:Person)-[:ATTENDED]->(e) WHERE other <> p
  RETURN collect(DISTINCT other.name) AS others
}
RETURN e.date AS date, e.kind AS kind, e.title AS title, place, p.name AS person, a.role AS role,
       others, headline, article, e.id AS event, total
