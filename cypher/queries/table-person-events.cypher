// title: A person's events as a table
// zh.title: 某人的活动(表格)
// description: One row per event a person attended: date, kind, title, places, role, who else came, source article; filtered by date range, kinds and roles, sorted, a page at a time with `total`.
// zh.description: 某人参加的每一项活动一行:日期、类型、标题、地点、角色、同场人员、来源文章;可按日期、类型、角色筛选,排序,分页并给出总数。
// param: person string 章旭升 The person's name, or their id (name@scope)
// param: from date 0000-01-01 Earliest date (0000-01-01: no bound; undated events only without bounds)
// param: to date 9999-12-31 Latest date (9999-12-31: no bound)
// param: kinds string * Event kinds, comma-separated (会议,调研), or * for all
// param: roles string * Roles, comma-separated (主持,参加), or * for all
// param: sort string date Sort by date, kind, title, place, role or article
// param: desc boolean false Sort descending
// param: skip integer 0 Rows to skip (paging)
// param: limit integer 500 At most this many rows; `total` says how many there are
MATCH (p0:Person) WHERE p0.id = $person OR p0.name = $person
// Namesakes a reviewer decided are one person (NamesakeDecision {verdict: 'same'}) count as one: the
// decisions are kept closed under "same", so one step finds the whole group.
CALL (p0) {
  OPTIONAL MATCH (d:NamesakeDecision) WHERE (d.a = p0.id OR d.b = p0.id) AND d.verdict = 'same'
  WITH p0, [x IN collect(d.a) + collect(d.b) WHERE x <> p0.id] AS others
  OPTIONAL MATCH (q:Person) WHERE q.id IN others
  WITH p0, collect(q) AS found
  RETURN [p0] + found AS people
}
// Asked by name, a merged group answers once (for its smallest id).
WITH p0, people WHERE p0.id = $person OR all(q IN people WHERE p0.id <= q.id)
UNWIND people AS p
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
WITH people, p, a, e, place, headline, article,
     CASE $sort WHEN 'kind' THEN e.kind WHEN 'title' THEN e.title WHEN 'place' THEN place
       WHEN 'role' THEN a.role WHEN 'article' THEN headline ELSE e.date END AS key
ORDER BY CASE WHEN $desc THEN key END DESC, CASE WHEN NOT $desc THEN key END ASC, e.date, e.id
WITH collect({people: people, p: p, a: a, e: e, place: place, headline: headline, article: article}) AS found
UNWIND found[$skip..$skip + $limit] AS r
WITH r, size(found) AS total
WITH r.people AS people, r.p AS p, r.a AS a, r.e AS e, r.place AS place, r.headline AS headline, r.article AS article, total
CALL (people, e) {
  OPTIONAL MATCH (other:Person)-[:ATTENDED]->(e) WHERE NOT other IN people
  RETURN collect(DISTINCT other.name) AS others
}
RETURN e.date AS date, e.kind AS kind, e.title AS title, place, a.role AS role, p.name AS person,
       others, headline, article, e.id AS event, total
