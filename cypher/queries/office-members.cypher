// title: Which people hold a position in an office
// zh.title: 哪些人在某机构任职
// description: Of the people given (the nodes on screen), those seen holding a position in an office (the office filter); the answer is as long as the question, whatever the office's size.
// zh.description: 在给定的人员(屏幕上的节点)中,在某机构任职的那些(机构筛选)。
// param: office string 永康市委 The office's name or id
// param: ids string Person:章旭升@金华市 The people to test: their keys (Person:id), comma-separated
MATCH (o:Office) WHERE o.id = $office OR o.name = $office
WITH o, split($ids, ',') AS keys
CALL (o, keys) {
  UNWIND keys AS key
  WITH substring(key, 7) AS id WHERE key STARTS WITH 'Person:'
  MATCH (p:Person {id: id}) WHERE EXISTS { (p)-[:HOLDS]->(o) }
  RETURN collect(p) AS holders
}
RETURN o.name AS name, o, holders
