// title: Search by name
// zh.title: 按名称搜索
// description: People, places, offices and events whose name or title matches (Chinese characters; full-text, cjk analyzer).
// zh.description: 名称或标题匹配的人物、地点、机构和事件(中文全文检索)。
// param: q string 经信厅 What to look for
// param: limit integer 25 How many hits
CALL db.index.fulltext.queryNodes('search_names', $q) YIELD node, score
RETURN node, labels(node)[0] AS label, coalesce(node.name, node.title) AS name, score
ORDER BY score DESC
LIMIT $limit
