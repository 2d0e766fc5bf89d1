// title: Search by name
// description: People, places, offices and events whose name or title matches (Chinese characters; full-text, cjk analyzer).
// param: q string 经信厅 What to look for
// param: limit integer 25 How many hits
CALL db.index.fulltext.queryNodes('search_names', $q) YIELD node, score
RETURN node, labels(node)[0] AS label, coalesce(node.name, node.title) AS name, score
ORDER BY score DESC
LIMIT $limit
