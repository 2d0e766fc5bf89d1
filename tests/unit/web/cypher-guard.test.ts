// The allow-list guard on plans shaped like Neo4j's (the integration tests run it on real plans).
import type { ResultSummary } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { calledNames, checkPlan } from '../../../web/server/cypher-guard.ts';

const plan = (operatorType: string, details: string, queryType = 'r') =>
  ({
    queryType,
    plan: {
      operatorType: 'ProduceResults@neo4j',
      arguments: { Details: 'x' },
      children: [{ operatorType, arguments: { Details: details }, children: [] }],
    },
  }) as unknown as ResultSummary;

describe('calledNames', () => {
  it('finds calls, namespaced or quoted, and skips strings, labels and aliases', () => {
    expect(
      calledNames(
        "cache[n.name] AS `n.name`, point.distance(point({x: $a}), `point` . `distance`(1)) AS `f(x)`, 'range(' AS s",
      ),
    ).toEqual(['point.distance', 'point', 'point.distance']);
    expect(calledNames('RANGE INDEX e:Event(date) WHERE date >= $from')).toEqual([]);
    // A keyword before "(" reads as a name; only names in a namespace are checked against the list.
    expect(calledNames('RANGE INDEX (anon_0)-[h:HOLDS(articleId)]-(anon_1)')).toEqual(['INDEX']);
    expect(calledNames('getDegree((n)--()) AS d, "apoc.x(" AS y, apoc.text.join($l, $s) AS z')).toEqual([
      'getDegree',
      'apoc.text.join',
    ]);
  });
});

describe('checkPlan', () => {
  it('passes reads that call Cypher functions and allowed procedures', () => {
    expect(() =>
      checkPlan(
        plan('Projection@neo4j', 'range($a, $b) AS r, duration.between(date(), date()) AS d'),
        'neo4j',
      ),
    ).not.toThrow();
    expect(() =>
      checkPlan(plan('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)'), 'neo4j'),
    ).not.toThrow();
  });

  it.each([
    ['Projection@neo4j', 'apoc.text.join($l, $s) AS z', /function apoc\.text\.join\(\)/],
    ['ProcedureCall@neo4j', 'db.prepareForReplanning() :: ()', /procedure db\.prepareForReplanning is not/],
    ['ProcedureCall@neo4j', 'db.labels(apoc.x($a)) :: (label :: STRING)', /function apoc\.x\(\)/],
    ['ShowTransactions@neo4j', 'defaultColumns, allTransactions', /SHOW TRANSACTIONS is an administration/],
    ['ShowSettings@neo4j', 'allSettings', /SHOW SETTINGS/],
    ['TerminateTransactions@neo4j', '', /TERMINATE/],
    ['AdministrationCommand@system', '', /administration/],
    ['LoadCSV@neo4j', 'line', /LOAD CSV/],
    ['AllNodesScan@other', 'n', /reads the database other/],
  ])('refuses %s %j, naming what it refuses', (operator, details, message) => {
    expect(() => checkPlan(plan(operator, details), 'neo4j')).toThrow(message);
  });

  it('refuses anything but a read', () => {
    expect(() => checkPlan(plan('Create@neo4j', '(n)', 'w'), 'neo4j')).toThrow(/writes/);
    expect(() => checkPlan(plan('SetProperty@neo4j', 'n.x = 1', 'rw'), 'neo4j')).toThrow(/reads and writes/);
  });
});
