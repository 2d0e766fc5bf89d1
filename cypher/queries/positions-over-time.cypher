// title: An official's positions over time
// zh.title: 官员的职务变化
// description: The offices a person held, as the articles report them, ordered by date.
// zh.description: 报道中某人担任的职务和所在机构,按日期排列。
// param: name string 胡勇春 The person's name, or their id (name@scope) to tell namesakes apart
MATCH (p0:Person) WHERE p0.id = $name OR p0.name = $name
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
WITH p0, people WHERE p0.id = $name OR all(q IN people WHERE p0.id <= q.id)
UNWIND people AS p
MATCH (p)-[h:HOLDS]->(o:Office)
// The sentence is stored once, in the article's text; h.start/h.end point into it.
OPTIONAL MATCH (a:Article {id: h.articleId})
RETURN p, h, o, h.position AS position, o.name AS office, h.asOf AS asOf,
       coalesce(h.sentence, substring(a.text, h.start - a.start, h.end - h.start)) AS evidence
ORDER BY asOf, position
