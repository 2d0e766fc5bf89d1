// title: Namesakes to review
// zh.title: 同名待核
// description: Pairs of people with the same name in different scopes (POSSIBLY_SAME), each side with its positions, the places of its events and the dates it was reported, and the reviewer's decision (same / different) if any; undecided pairs first.
// zh.description: 同名不同辖区的人(POSSIBLY_SAME),两边各列职务、活动地点和见报日期,以及已有的核定结果(同一人/不同人);未核定的在前。
// param: decided string all Which pairs: all, undecided, same or different
// param: skip integer 0 Pairs to skip (paging)
// param: limit integer 50 At most this many pairs; `total` says how many there are
MATCH (a:Person)-[:POSSIBLY_SAME]->(b:Person)
OPTIONAL MATCH (d:NamesakeDecision {id: a.id + '\t' + b.id})
WITH a, b, d.verdict AS verdict, d.decidedAt AS decidedAt, coalesce(d.implied, false) AS implied
WHERE $decided = 'all' OR ($decided = 'undecided' AND verdict IS NULL) OR verdict = $decided
WITH a, b, verdict, decidedAt, implied ORDER BY verdict IS NOT NULL, a.name, a.id, b.id
WITH collect({a: a, b: b, verdict: verdict, decidedAt: decidedAt, implied: implied}) AS pairs
UNWIND pairs[$skip..$skip + $limit] AS pair
WITH pair, size(pairs) AS total
UNWIND [pair.a, pair.b] AS x
// Each side's evidence: the offices and titles it was seen in (with first and last sighting), the places
// of its events (most first) and the span of the articles that name it.
CALL (x) {
  OPTIONAL MATCH (x)-[h:HOLDS]->(o:Office)
  WITH o.name + ' ' + h.title AS position, min(h.asOf) AS since, max(h.asOf) AS until, count(h) AS n
  WHERE position IS NOT NULL
  ORDER BY n DESC, position LIMIT 6
  RETURN collect({position: position, since: since, until: until, n: n}) AS positions
}
CALL (x) {
  OPTIONAL MATCH (x)-[:ATTENDED]->(:Event)-[:HELD_IN]->(pl:Place)
  WITH pl.name AS place, count(*) AS n
  WHERE place IS NOT NULL
  ORDER BY n DESC, place LIMIT 6
  RETURN collect({place: place, n: n}) AS places
}
CALL (x) {
  OPTIONAL MATCH (x)-[:MENTIONED_IN]->(ar:Article)
  RETURN min(ar.date) AS first, max(ar.date) AS last, count(ar) AS articles, COUNT { (x)-[:ATTENDED]->() } AS events
}
WITH pair, total, collect({id: x.id, name: x.name, scope: x.jurisdiction, positions: positions, places: places,
                           first: first, last: last, articles: articles, events: events}) AS sides
RETURN pair.a.name AS name, pair.a.id AS a, pair.b.id AS b, sides, pair.verdict AS verdict,
       toString(pair.decidedAt) AS decidedAt, pair.implied AS implied, total
ORDER BY verdict IS NOT NULL, name, a, b
