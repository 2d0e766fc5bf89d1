// title: People who met
// zh.title: 与谁见过面
// description: People who attended the same events as a person, with how many events they shared.
// zh.description: 与某人共同参加过活动的人,以及共同参加的次数。
// param: name string 胡勇春 The person's name, or their id (name@scope) to tell namesakes apart
MATCH (p:Person) WHERE p.id = $name OR p.name = $name
MATCH (p)-[a1:ATTENDED]->(e:Event)<-[a2:ATTENDED]-(other:Person)
WHERE other <> p
RETURN other.name AS person, count(DISTINCT e) AS meetings, collect(DISTINCT e.date) AS dates,
       p, other, collect(a1) + collect(a2) AS attended, collect(e) AS events
ORDER BY meetings DESC, person
