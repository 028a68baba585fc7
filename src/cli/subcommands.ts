/** What `--help` says of one subcommand of a command group (`velocity user add`, `velocity sources refresh`). */
export interface SubcommandSpec {
  usage: string;
  summary: string;
  details?: string;
}

/** The help of a command group: its usage line, then each subcommand's usage and summary. */
export function groupHelp(command: string, specs: Record<string, SubcommandSpec>): string {
  const lines = Object.values(specs).map((s) => `  ${s.usage}\n      ${s.summary}`);
  return [
    `Usage: velocity ${command} <${Object.keys(specs).join('|')}> [options]`,
    '',
    ...lines,
    '',
    `velocity ${command} <subcommand> --help explains one.`,
  ].join('\n');
}

export function subcommandHelp(spec: SubcommandSpec): string {
  return `Usage: ${spec.usage}\n\n${spec.summary}${spec.details ? `\n${spec.details}` : ''}`;
}
