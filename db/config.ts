// One place that reads the environment, with the defaults the README documents.
// docker-compose.yml and tools/neo4j/Launcher.java read the same variable names.

export interface Neo4jConfig {
  /** bolt://, neo4j:// or neo4j+s:// URI; undefined means "let `npm start` pick a database". */
  uri: string | undefined;
  user: string;
  password: string;
  /** Database name; undefined uses the server's default database. */
  database: string | undefined;
  /** Port for a database started by this project (local launcher or Docker Compose). */
  boltPort: number;
}

export interface AppConfig {
  host: string;
  port: number;
  /** Basic-auth password for the explorer; required when `host` is not loopback. */
  accessToken: string | undefined;
  /** Host names the server answers to besides its own address and loopback (CADRE_ALLOWED_HOSTS). */
  allowedHosts: string[];
  /** Token of the namesake-decision write route (X-Review-Token); the route is off without it. */
  reviewToken: string | undefined;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number, got "${raw}"`);
  }
  return value;
}

export function neo4jConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const uri = env.NEO4J_URI?.trim() || undefined;
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new Error(`NEO4J_URI must start with bolt://, neo4j:// or neo4j+s://, got "${uri}"`);
  }
  return {
    uri,
    user: env.NEO4J_USER || 'neo4j',
    password: env.NEO4J_PASSWORD || 'cadre-graph',
    database: env.NEO4J_DATABASE || undefined,
    boltPort: intFrom(env, 'NEO4J_BOLT_PORT', 7687),
  };
}

export function appConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: intFrom(env, 'PORT', 5173),
    // Set but blank is a mistake to report (security.ts), not the same as unset.
    accessToken:
      env.CADRE_ACCESS_TOKEN === undefined || env.CADRE_ACCESS_TOKEN === ''
        ? undefined
        : env.CADRE_ACCESS_TOKEN,
    allowedHosts: (env.CADRE_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    reviewToken: env.CADRE_REVIEW_TOKEN || undefined,
  };
}
