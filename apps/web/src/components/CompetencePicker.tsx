import { ActionIcon, Group, Paper, Select, Stack, Text, TreeSelect, type TreeNodeData } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MODALITIES } from '../lib/actors';
import { normalise } from '../lib/text';

export interface CompetenceOption {
  id: string;
  label: string;
  level: number;
  parentId?: string | null;
  modalities?: readonly string[];
}
export interface NeedRow {
  competenceId: string;
  priority: number;
}
export interface OfferRow {
  competenceId: string;
  modality: string;
  level: number;
}

/** The taxonomy as a tree for TreeSelect (parents listed before children, as the API sends them). */
export function competenceTree(competences: CompetenceOption[]): TreeNodeData[] {
  const nodes = new Map<string, TreeNodeData & { children: TreeNodeData[] }>();
  const roots: TreeNodeData[] = [];
  for (const c of competences) nodes.set(c.id, { value: c.id, label: c.label, children: [] });
  for (const c of competences) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const prune = (n: TreeNodeData): TreeNodeData =>
    n.children?.length ? { ...n, children: n.children.map(prune) } : { value: n.value, label: n.label };
  return roots.map(prune);
}

/** "Domaine › Compétence › Spécialité" for a competence id. */
export function competencePath(id: string, byId: Map<string, CompetenceOption>): string {
  const parts: string[] = [];
  for (let c = byId.get(id); c; c = c.parentId ? byId.get(c.parentId) : undefined) parts.unshift(c.label);
  return parts.join(' › ') || id;
}

/** The rows with the one for `id` changed by `patch`. */
function patchRow<R extends { competenceId: string }>(
  rows: readonly R[],
  id: string,
  patch: Partial<R>,
): R[] {
  return rows.map((r) => (r.competenceId === id ? { ...r, ...patch } : r));
}

type Props =
  | {
      mode: 'needs';
      label: string;
      competences: CompetenceOption[];
      value: NeedRow[];
      onChange(v: NeedRow[]): void;
    }
  | {
      mode: 'offers';
      label: string;
      competences: CompetenceOption[];
      value: OfferRow[];
      onChange(v: OfferRow[]): void;
    };

/**
 * Picks competences from the French taxonomy: search (accents and case ignored) or browse the
 * tree, then set each one's priority (a need) or modality and level (an offer).
 */
export function CompetencePicker(props: Props) {
  const { t } = useTranslation();
  const { competences, label } = props;
  const byId = useMemo(() => new Map(competences.map((c) => [c.id, c])), [competences]);
  const tree = useMemo(() => competenceTree(competences), [competences]);
  const [adding, setAdding] = useState<string | null>(null);
  const chosen = new Set(props.value.map((r) => r.competenceId));

  const add = (id: string | null) => {
    setAdding(null);
    if (!id || chosen.has(id)) return;
    if (props.mode === 'needs') props.onChange([...props.value, { competenceId: id, priority: 2 }]);
    else {
      const allowed = byId.get(id)?.modalities;
      props.onChange([...props.value, { competenceId: id, modality: allowed?.[0] ?? 'SKILLS', level: 2 }]);
    }
  };
  const remove = (id: string) =>
    props.mode === 'needs'
      ? props.onChange(props.value.filter((r) => r.competenceId !== id))
      : props.onChange(props.value.filter((r) => r.competenceId !== id));

  return (
    <Stack gap="xs">
      <TreeSelect
        label={label}
        placeholder={t('competence.searchPlaceholder')}
        data={tree}
        value={adding}
        onChange={(v) => add(v as string | null)}
        searchable
        clearable
        clearSearchOnChange
        filter={(q, node) => normalise(String(node.label)).includes(normalise(q))}
        nothingFoundMessage={t('competence.noMatch')}
        chevronAriaLabels={{ expand: t('competence.expand'), collapse: t('competence.collapse') }}
        maxDropdownHeight={320}
      />
      {props.value.length === 0 && <Text size="sm">{t('competence.none')}</Text>}
      <Stack gap={6} role="list" aria-label={label}>
        {props.mode === 'needs'
          ? props.value.map((row) => (
              <Paper key={row.competenceId} withBorder p="xs" role="listitem">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {competencePath(row.competenceId, byId)}
                  </Text>
                  <Group gap="xs" wrap="nowrap">
                    <Select
                      size="xs"
                      w={150}
                      aria-label={t('competence.priorityOf', {
                        label: byId.get(row.competenceId)?.label ?? '',
                      })}
                      data={[1, 2, 3].map((p) => ({
                        value: String(p),
                        label: t(`competence.priority.p${p as 1}`),
                      }))}
                      value={String(row.priority)}
                      allowDeselect={false}
                      onChange={(v) =>
                        props.onChange(patchRow(props.value, row.competenceId, { priority: Number(v) }))
                      }
                    />
                    <RemoveButton
                      label={byId.get(row.competenceId)?.label ?? ''}
                      onClick={() => remove(row.competenceId)}
                    />
                  </Group>
                </Group>
              </Paper>
            ))
          : props.value.map((row) => {
              const allowed = byId.get(row.competenceId)?.modalities;
              const modalities = allowed?.length ? allowed : MODALITIES;
              const name = byId.get(row.competenceId)?.label ?? '';
              return (
                <Paper key={row.competenceId} withBorder p="xs" role="listitem">
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {competencePath(row.competenceId, byId)}
                    </Text>
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        size="xs"
                        w={170}
                        aria-label={t('competence.modalityOf', { label: name })}
                        data={modalities.map((m) => ({
                          value: m,
                          label: t(`actor.modality.${m as 'SKILLS'}`),
                        }))}
                        value={row.modality}
                        allowDeselect={false}
                        onChange={(v) =>
                          props.onChange(
                            patchRow(props.value, row.competenceId, { modality: v ?? row.modality }),
                          )
                        }
                      />
                      <Select
                        size="xs"
                        w={130}
                        aria-label={t('competence.levelOf', { label: name })}
                        data={[1, 2, 3].map((l) => ({
                          value: String(l),
                          label: t(`competence.level.l${l as 1}`),
                        }))}
                        value={String(row.level)}
                        allowDeselect={false}
                        onChange={(v) =>
                          props.onChange(patchRow(props.value, row.competenceId, { level: Number(v) }))
                        }
                      />
                      <RemoveButton label={name} onClick={() => remove(row.competenceId)} />
                    </Group>
                  </Group>
                </Paper>
              );
            })}
      </Stack>
    </Stack>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  const { t } = useTranslation();
  return (
    <ActionIcon variant="default" aria-label={t('competence.remove', { label })} onClick={onClick}>
      <span aria-hidden>×</span>
    </ActionIcon>
  );
}
