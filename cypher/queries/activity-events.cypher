// title: Events in a date range
// zh.title: 日期范围内的事件数
// description: How many events fall in a date range (the overview's "of M").
// zh.description: 日期范围内的事件数量(总览中的"共 M 个")。
// param: from date 0000-01-01 First day (YYYY-MM-DD)
// param: to date 9999-12-31 Last day (YYYY-MM-DD)
MATCH (e:Event)
WHERE ($from = '0000-01-01' OR e.date >= $from) AND ($to = '9999-12-31' OR e.date <= $to)
RETURN count(e) AS events
