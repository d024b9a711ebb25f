import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the client asked for a sub-field (anywhere under the current field, fragments
 * included), so resolvers can skip expensive work nobody will read.
 */
export function selects(info: GraphQLResolveInfo, fieldName: string): boolean {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === 'Field' && sel.name.value === fieldName) return true;
      if (sel.kind === 'Field' && walk(sel.selectionSet)) return true;
      if (sel.kind === 'InlineFragment' && walk(sel.selectionSet)) return true;
      if (sel.kind === 'FragmentSpread' && !seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        if (walk(info.fragments[sel.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node: FieldNode) => walk(node.selectionSet));
}
