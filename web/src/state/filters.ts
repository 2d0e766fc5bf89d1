// Filters hide nodes without removing them from the view: by label, by event date, by place (the place
// and everything below it), by office (the people who hold it). Nodes (other than events) left with
// only hidden neighbours are hidden too, so a date range does not leave a cloud of unconnected people.
import type { CadreGraph } from '../graph/derive.ts';
import type { Filters } from './store.ts';

export const isDated = (date: unknown): date is string =>
  typeof date === 'string' && /^\d{4}-\d\d-\d\d$/.test(date);

export function hiddenNodes(graph: CadreGraph, filters: Filters): Set<string> {
  const hidden = new Set<string>();
  const kinds = new Set(filters.hiddenKinds);
  const ranged = filters.from !== null || filters.to !== null;
  const eventKinds = filters.eventKinds.length ? new Set(filters.eventKinds) : null;
  const roles = filters.roles.length ? new Set(filters.roles) : null;
  const byEvent = ranged || !!eventKinds || !!roles;
  if (kinds.size === 0 && !byEvent && !filters.place && !filters.office) return hidden;
  graph.forEachNode((id, a) => {
    if (kinds.has(a.kind)) hidden.add(id);
    else if (a.kind === 'Event' && ranged) {
      const date = a.properties.date;
      if (!isDated(date) || (filters.from && date < filters.from) || (filters.to && date > filters.to))
        hidden.add(id);
    }
    if (a.kind === 'Event' && eventKinds && !eventKinds.has(String(a.properties.kind ?? ''))) hidden.add(id);
    // An event passes a role filter when someone on screen attended it in one of the roles.
    if (a.kind === 'Event' && roles && !hasRole(graph, id, roles)) hidden.add(id);
    if ((a.kind === 'Event' || a.kind === 'Place') && filters.place && !filters.place.members.has(id))
      hidden.add(id);
    if ((a.kind === 'Person' || a.kind === 'Office') && filters.office && !filters.office.members.has(id))
      hidden.add(id);
  });
  if (filters.office) {
    // Events none of whose attendees on screen hold the office.
    graph.forEachNode((id, a) => {
      if (a.kind !== 'Event' || hidden.has(id)) return;
      const people = graph.neighbors(id).filter((n) => graph.getNodeAttribute(n, 'kind') === 'Person');
      if (people.length > 0 && people.every((n) => hidden.has(n))) hidden.add(id);
    });
  }
  if (byEvent || filters.place || filters.office) {
    graph.forEachNode((id, a) => {
      if (hidden.has(id) || a.kind === 'Event') return;
      const neighbors = graph.neighbors(id);
      if (neighbors.length > 0 && neighbors.every((n) => hidden.has(n))) hidden.add(id);
    });
  }
  return hidden;
}

function hasRole(graph: CadreGraph, event: string, roles: ReadonlySet<string>): boolean {
  return graph.someInEdge(
    event,
    (_e, a) =>
      a.relType === 'ATTENDED' && typeof a.properties.role === 'string' && roles.has(a.properties.role),
  );
}

/** The event kinds and the roles in view, most frequent first, for the filter menus. */
export function kindsAndRoles(graph: CadreGraph): { kinds: string[]; roles: string[] } {
  const kinds = new Map<string, number>();
  const roles = new Map<string, number>();
  graph.forEachNode((_id, a) => {
    if (a.kind === 'Event' && typeof a.properties.kind === 'string')
      kinds.set(a.properties.kind, (kinds.get(a.properties.kind) ?? 0) + 1);
  });
  graph.forEachEdge((_e, a) => {
    if (a.relType === 'ATTENDED' && typeof a.properties.role === 'string')
      roles.set(a.properties.role, (roles.get(a.properties.role) ?? 0) + 1);
  });
  const ranked = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).map(([k]) => k);
  return { kinds: ranked(kinds), roles: ranked(roles) };
}
