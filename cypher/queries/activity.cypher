// title: Who went where: the most active officials
// zh.title: 谁去了哪里:最活跃的官员
// description: The officials who attended the most events in a date range, and the places their events were held in most often (the start page).
// zh.description: 日期范围内参加活动最多的官员,以及他们的活动最常举办的地点(首页)。
// param: people integer 30 How many officials
// param: places integer 5 Places per official
// param: from date 0000-01-01 First day (YYYY-MM-DD); events of unknown year count only without a range
// param: to date 9999-12-31 Last day (YYYY-MM-DD)
MATCH (p:Person)-[:ATTENDED]->(e:Event)
WHERE p.official AND ($from = '0000-01-01' OR e.date >= $from) AND ($to = '9999-12-31' OR e.date <= $to)
WITH p, count(DISTINCT e) AS events
ORDER BY events DESC, p.name, p.id
WITH collect({p: p, events: events}) AS ranked
UNWIND ranked[0..$people] AS top
WITH top.p AS p, top.events AS events, size(ranked) AS totalPeople
CALL (p) {
  MATCH (p)-[:ATTENDED]->(e:Event)-[:HELD_IN]->(pl:Place)
  WHERE ($from = '0000-01-01' OR e.date >= $from) AND ($to = '9999-12-31' OR e.date <= $to)
  WITH pl, count(DISTINCT e) AS visits
  ORDER BY visits DESC, pl.name
  WITH collect({pl: pl, visits: visits, degree: COUNT { (pl)--() }}) AS visited
  RETURN visited[0..$places] AS places, size(visited) AS placeCount
}
RETURN p, COUNT { (p)--() } AS degree, events, places, placeCount, totalPeople
ORDER BY events DESC, p.name, p.id
