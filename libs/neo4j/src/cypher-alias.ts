/**
 * A Cypher variable name for a query fragment built in code (`actorVisibleTo('b')`). Fragments are
 * composed from constants only, never from user input; this check makes a misuse fail loudly.
 */
export function cypherAlias(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a Cypher variable name: ${name}`);
  return name;
}
