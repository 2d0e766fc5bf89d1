// title: The people of an office
// zh.title: 某机构的人员
// description: An office and the people seen holding a position in it (the office filter).
// zh.description: 一个机构以及在其中任职的人员(机构筛选)。
// param: office string 永康市委 The office's name or id
MATCH (o:Office) WHERE o.id = $office OR o.name = $office
OPTIONAL MATCH (p:Person)-[:HOLDS]->(o)
RETURN o.name AS name, o, collect(DISTINCT p) AS holders
