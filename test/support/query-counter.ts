import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * Counts the queries a Kysely instance runs (`db.withPlugin(counter)`), each with the tables it
 * names, so a test can say how many a request costs and how often it read a table.
 */
export class QueryCounter implements KyselyPlugin {
  readonly queries: { kind: string; tables: string[] }[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const tables = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) for (const item of value) visit(item);
      else if (value && typeof value === 'object') {
        const node = value as { kind?: string; table?: { identifier?: { name?: string } } };
        if (node.kind === 'TableNode' && node.table?.identifier?.name) tables.add(node.table.identifier.name);
        for (const child of Object.values(value)) visit(child);
      }
    };
    visit(args.node);
    this.queries.push({ kind: args.node.kind, tables: [...tables] });
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }

  reset(): void {
    this.queries.length = 0;
  }

  /** Queries that read `table` (selects naming it; `alone`: naming no other table). */
  reads(table: string, options: { alone?: boolean } = {}): number {
    return this.queries.filter(
      (q) =>
        q.kind === 'SelectQueryNode' && q.tables.includes(table) && (!options.alone || q.tables.length === 1),
    ).length;
  }
}
