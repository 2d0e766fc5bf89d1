// title: An official's positions over time
// zh.title: 官员的职务变化
// description: The offices a person held, as the articles report them, ordered by date.
// zh.description: 报道中某人担任的职务和所在机构,按日期排列。
// param: name string 胡勇春 The person's name, or their id (name@scope) to tell namesakes apart
MATCH (p:Person) WHERE p.id = $name OR p.name = $name
MATCH (p)-[h:HOLDS]->(o:Office)
// The sentence is stored once, in the article's text; h.start/h.end point into it.
OPTIONAL MATCH (a:Article {id: h.articleId})
RETURN p, h, o, h.position AS position, o.name AS office, h.asOf AS asOf,
       coalesce(h.sentence, substring(a.text, h.start - a.start, h.end - h.start)) AS evidence
ORDER BY asOf, position
