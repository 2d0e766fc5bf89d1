// Typed access to the API server (web/server). The browser talks only to it, never to Neo4j.

import type { GraphPayload } from '../../graph/payload.ts';

export type { GraphEdge, GraphNode, GraphPayload } from '../../graph/payload.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError('The cadre-graph server is not reachable.', 0);
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok)
    throw new ApiError(body.error ?? `${response.status} ${response.statusText}`, response.status);
  return body as T;
}

export const fetchOverview = (limit = 300) => getJson<GraphPayload>(`/api/graph?limit=${limit}`);

export const fetchStats = () => getJson<{ labels: { label: string; count: number }[] }>('/api/stats');
