import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { dataFiles } from '../../../web/src/export/export.ts';
import { canvasToPayload, resultToPayload } from '../../../web/src/export/payload.ts';
import { textWidth, toSvg, type Scene } from '../../../web/src/export/svg.ts';

/** A graph as the canvas holds it (web/src/graph/derive.ts attributes). */
function canvasGraph(): Graph {
  const graph = new Graph({ multi: true, type: 'directed' });
  graph.addNode('4:x:1', {
    label: '徐旭',
    kind: 'Person',
    labels: ['Person'],
    properties: { id: '徐旭@浙江省', name: '徐旭', official: true, pinyin: 'xu xu' },
    x: 1,
    y: 2,
    size: 8,
    color: '#d1495b',
  });
  graph.addNode('4:x:2', {
    label: '走访慰问 (04-01)',
    kind: 'Event',
    labels: ['Event'],
    properties: { id: 'a#1/e1', title: '走访慰问', date: '2022-04-01', start: 3 },
    x: 5,
    y: 6,
    size: 6,
    color: '#2e86ab',
  });
  graph.addEdgeWithKey('5:x:9', '4:x:1', '4:x:2', {
    label: '参加',
    type: 'arrow',
    relType: 'ATTENDED',
    size: 1,
    color: '#ccc',
    properties: { role: '参加', sentence: '徐旭参加了"走访慰问"活动。', start: 0, end: 12 },
  });
  return graph;
}

describe('the canvas back into a payload', () => {
  it('keeps ids, labels, types and properties and leaves the layout out', () => {
    const payload = canvasToPayload(canvasGraph());
    expect(payload.nodes).toEqual([
      {
        id: '4:x:1',
        labels: ['Person'],
        properties: { id: '徐旭@浙江省', name: '徐旭', official: true, pinyin: 'xu xu' },
      },
      {
        id: '4:x:2',
        labels: ['Event'],
        properties: { id: 'a#1/e1', title: '走访慰问', date: '2022-04-01', start: 3 },
      },
    ]);
    expect(payload.edges).toEqual([
      {
        id: '5:x:9',
        type: 'ATTENDED',
        source: '4:x:1',
        target: '4:x:2',
        properties: { role: '参加', sentence: '徐旭参加了"走访慰问"活动。', start: 0, end: 12 },
      },
    ]);
  });

  it('falls back to the kind and the label when attributes are missing', () => {
    const graph = new Graph({ multi: true });
    graph.addNode('a', { kind: 'Place' });
    graph.addNode('b', {});
    graph.addEdge('a', 'b', { type: 'arrow', label: 'HELD_IN' });
    const payload = canvasToPayload(graph);
    expect(payload.nodes.map((n) => n.labels)).toEqual([['Place'], []]);
    expect(payload.edges[0]!.type).toBe('HELD_IN');
  });

  it('drops the explorer degree and dangling edges from a query result', () => {
    const payload = resultToPayload({
      nodes: [{ id: 'a', labels: ['Person'], properties: {}, degree: 3 } as never],
      edges: [{ id: 'e', type: 'T', source: 'a', target: 'zz', properties: {} }],
    });
    expect(payload).toEqual({ nodes: [{ id: 'a', labels: ['Person'], properties: {} }], edges: [] });
  });
});

describe('data files of the view', () => {
  const payload = canvasToPayload(canvasGraph());

  it('GEXF and GraphML parse back with the same nodes, edges and captions', () => {
    const [gexf] = dataFiles('gexf', payload, 'v');
    const [graphml] = dataFiles('graphml', payload, 'v');
    for (const graph of [parseGexf(Graph, gexf!.text), parseGraphml(Graph, graphml!.text)]) {
      expect([graph.order, graph.size]).toEqual([2, 1]);
      expect(graph.mapNodes((_n, a) => a.label)).toEqual(['徐旭', '走访慰问']);
    }
    expect(gexf!.name).toBe('v.gexf');
  });

  it('JSON loads with Graph.from; CSV is two files with a BOM for Excel', () => {
    const [json] = dataFiles('json', payload, 'v');
    expect(Graph.from(JSON.parse(json!.text)).order).toBe(2);
    const csv = dataFiles('csv', payload, 'v');
    expect(csv.map((f) => f.name)).toEqual(['v.nodes.csv', 'v.edges.csv']);
    expect(csv[0]!.text.startsWith('\ufeff_id,_labels,')).toBe(true);
    expect(csv[1]!.text).toContain('ATTENDED');
  });

  it('the Cypher script merges every node on its schema key and every relationship between them', () => {
    const [script] = dataFiles('cypher', payload, 'v');
    expect(script!.text).toContain('MERGE (n:`Person` {`id`: row.k}) SET n += row.p');
    expect(script!.text).toContain("{`k`: '徐旭@浙江省'");
    expect(script!.text).toContain(
      'MATCH (a:`Person` {`id`: row.s}), (b:`Event` {`id`: row.t}) MERGE (a)-[r:`ATTENDED`]->(b)',
    );
    expect(script!.text).not.toContain('CREATE');
  });

  it('the Cypher script falls back to a temporary key for nodes without one', () => {
    const [script] = dataFiles(
      'cypher',
      { nodes: [{ id: 'x', labels: ['Thing'], properties: { a: 1 } }], edges: [] },
      'v',
    );
    expect(script!.text).toContain(
      'MERGE (n:`CadreGraphImport` {`__exportId`: row.k}) SET n += row.p, n:`Thing`',
    );
    expect(script!.text).toContain('REMOVE n:CadreGraphImport');
  });
});

describe("edges the explorer derived (the overview's VISITED, co-attendance's MET)", () => {
  function withVisit(): Graph {
    const graph = canvasGraph();
    graph.addNode('Place:330824', {
      kind: 'Place',
      labels: ['Place'],
      properties: { id: '330824', name: '开化县' },
    });
    graph.addEdgeWithKey('visit:4:x:1->Place:330824', '4:x:1', 'Place:330824', {
      relType: 'VISITED',
      type: 'line',
      properties: { events: 4, weight: 4 },
      derived: 'events of the person held in the place; counted, not stored',
    });
    return graph;
  }
  const payload = canvasToPayload(withVisit());

  it('keep their note through the canvas', () => {
    expect(payload.edges.find((e) => e.type === 'VISITED')?.derived).toMatch(/counted, not stored/);
    expect(payload.edges.find((e) => e.type === 'ATTENDED')?.derived).toBeUndefined();
  });

  it('are left out of the Cypher script, which says so', () => {
    const [script] = dataFiles('cypher', payload, 'v');
    expect(script!.text).not.toContain('`VISITED`');
    expect(script!.text).toContain('MERGE (a)-[r:`ATTENDED`]->(b)');
    expect(script!.text).toMatch(
      /^\/\/ left out: 1 VISITED edges the explorer derived \(events of the person/m,
    );
    expect(script!.text).toContain('// cadre-graph export: 3 nodes, 1 relationships');
  });

  it('are marked in GEXF, GraphML and CSV', () => {
    const [gexf] = dataFiles('gexf', payload, 'v');
    const [graphml] = dataFiles('graphml', payload, 'v');
    for (const graph of [parseGexf(Graph, gexf!.text), parseGraphml(Graph, graphml!.text)]) {
      expect(graph.getEdgeAttribute('visit:4:x:1->Place:330824', 'derived')).toMatch(/not stored/);
      expect(graph.getEdgeAttribute('5:x:9', 'derived')).toBeUndefined();
    }
    const [, edges] = dataFiles('csv', payload, 'v');
    const [header, ...rows] = edges!.text.replace('\ufeff', '').trim().split('\n');
    expect(header!.split(',').slice(0, 5)).toEqual(['_id', '_type', '_source', '_target', '_derived']);
    expect(rows.find((r) => r.includes('VISITED'))).toContain('counted, not stored');
  });
});

describe('the SVG writer', () => {
  const scene: Scene = {
    nodes: [
      { x: 10, y: 10, size: 5, color: '#d1495b', label: '徐旭 <&> "x"' },
      { x: 110, y: 60, size: 8, color: '#2e86ab', label: null },
    ],
    edges: [{ source: 0, target: 1, size: 1, color: '#999', label: '主持', arrow: true }],
    labelFont: 'sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelColor: '#000',
    edgeLabelSize: 11,
    background: '#fff',
  };

  it('draws every node, edge, arrowhead and label, escaped, framed to the drawing', () => {
    const svg = toSvg(scene);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg.match(/<line /g)).toHaveLength(1);
    expect(svg.match(/<polygon /g)).toHaveLength(1);
    expect(svg).toContain('徐旭 &lt;&amp;&gt; "x"');
    expect(svg).toContain('>主持</text>');
    const viewBox = /viewBox="([-\d. ]+)"/.exec(svg)![1]!.split(' ').map(Number);
    expect(viewBox[0]).toBeLessThanOrEqual(10 - 5);
    expect(viewBox[0]! + viewBox[2]!).toBeGreaterThanOrEqual(118);
  });

  it('writes an empty but valid image for an empty scene', () => {
    expect(toSvg({ ...scene, nodes: [], edges: [] })).toContain('<svg');
  });

  it('estimates label widths with square Chinese characters', () => {
    expect(textWidth('徐旭', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBe(12);
  });
});
