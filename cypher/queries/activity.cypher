// title: Who went where: the most active officials
// zh.title: 谁去了哪里:最活跃的官员
// description: The officials who attended the most events in a date range, and the places their events were held in most often (the start page).
// zh.description: 日期范围内参加活动最多的官员,以及他们的活动最常举办的地点(首页)。
// param: people integer 30 How many officials
// param: places integer 5 Places per official
// param: from date 0000-01-01 First day (YYYY-MM-DD); events of unknown year count only without a range
// param: to date 9999-12-31 Last day (YYYY-MM-DD)
// The people named in a "same" decision (namesakes, below), read once: a reviewer's decisions are few.
CALL () {
  OPTIONAL MATCH (d:NamesakeDecision) WHERE d.verdict = 'same'
  RETURN collect(d.a) + collect(d.b) AS decided
}
MATCH (p:Person)-[:ATTENDED]->(e:Event)
WHERE p.official AND ($from = '0000-01-01' OR e.date >= $from) AND ($to = '9999-12-31' OR e.date <= $to)
WITH decided, p, collect(DISTINCT e) AS attended
// Namesakes decided the same count as one official, under the group's smallest id, as every view draws
// them (web/server/namesake-merge.ts): ranked and counted once, with the events of all its members.
// "Same" decisions are kept closed over a group, so one index seek on each end finds all of it; only
// people named in a decision are looked up, and a group whose first member attended needs no look-up of
// its node (every group of one): 261k -> 190k db hits on the 10k corpus.
WITH p, attended,
     CASE WHEN p.id IN decided THEN
       COLLECT { MATCH (d:NamesakeDecision {a: p.id}) WHERE d.verdict = 'same' RETURN d.b } +
       COLLECT { MATCH (d:NamesakeDecision {b: p.id}) WHERE d.verdict = 'same' RETURN d.a }
     ELSE [] END AS same
WITH p, attended, reduce(m = p.id, x IN same | CASE WHEN x < m THEN x ELSE m END) AS first
UNWIND attended AS e
WITH first, collect(DISTINCT p) AS members, count(DISTINCT e) AS events,
     collect(DISTINCT CASE WHEN p.id = first THEN p END) AS own
WITH first, members, events,
     CASE WHEN own <> [] THEN own[0] ELSE COLLECT { MATCH (c:Person {id: first}) RETURN c }[0] END AS c
ORDER BY events DESC, c.name, first
WITH collect({p: c, members: members, events: events}) AS ranked
UNWIND ranked[0..$people] AS top
WITH top.p AS p, top.members AS members, top.events AS events, size(ranked) AS totalPeople
CALL (members) {
  UNWIND members AS member
  MATCH (member)-[:ATTENDED]->(e:Event)-[:HELD_IN]->(pl:Place)
  WHERE ($from = '0000-01-01' OR e.date >= $from) AND ($to = '9999-12-31' OR e.date <= $to)
  WITH pl, count(DISTINCT e) AS visits
  ORDER BY visits DESC, pl.name
  WITH collect({pl: pl, visits: visits, degree: COUNT { (pl)--() }}) AS visited
  RETURN visited[0..$places] AS places, size(visited) AS placeCount
}
RETURN p, COUNT { (p)--() } AS degree, events, places, placeCount, totalPeople
ORDER BY events DESC, p.name, p.id
