import { familyOfKind, Visibility } from '@maillage/domain';
import { ActorWrite, CreateActorInput } from '@maillage/actors';
import { Column } from './csv/columns';

type Contact = NonNullable<ActorWrite['contact']>;

/**
 * The actor a row describes. For an existing actor, columns absent from the file keep their
 * current values, an empty cell clears optional data, and identifiers (SIREN, RNA, external_id)
 * and visibility are never cleared by an empty cell. The managing organisation is kept, even when
 * there is none.
 */
export function rowToActorWrite(
  input: CreateActorInput,
  present: ReadonlySet<Column>,
  current: ActorWrite | null,
  ids: { id: string; managedBy: string | null },
): ActorWrite {
  const has = (c: Column) => present.has(c);
  const base: ActorWrite = current ?? {
    id: ids.id,
    name: input.name,
    kind: input.kind,
    family: familyOfKind(input.kind),
    visibility: Visibility.PUBLIC,
    allianceForms: [],
    actsIn: [],
    offers: [],
    needs: [],
    causes: [],
    memberOf: [],
    contact: null,
  };
  return {
    ...base,
    name: input.name.trim(),
    kind: input.kind,
    family: familyOfKind(input.kind),
    externalId: input.externalId ?? base.externalId ?? null,
    siren: input.siren ?? base.siren ?? null,
    rna: input.rna ?? base.rna ?? null,
    description: has('description') ? (input.description ?? null) : (base.description ?? null),
    sizeBand: has('size_band') ? (input.sizeBand ?? null) : (base.sizeBand ?? null),
    visibility: input.visibility ?? base.visibility,
    // An import never changes who manages an existing actor (an unmanaged one stays unmanaged).
    managedBy: current ? (current.managedBy ?? null) : ids.managedBy,
    communeCode: has('commune') ? (input.communeCode ?? null) : (base.communeCode ?? null),
    actsIn: has('acts_in') ? (input.actsIn ?? []) : base.actsIn,
    offers: has('offers')
      ? (input.offers ?? []).map((o) => ({
          competenceId: o.competenceId,
          modality: o.modality,
          level: o.level,
        }))
      : base.offers,
    needs: has('needs')
      ? (input.needs ?? []).map((n) => ({ competenceId: n.competenceId, priority: n.priority }))
      : base.needs,
    causes: has('causes') ? (input.causes ?? []) : base.causes,
    allianceForms: has('alliance_forms') ? (input.allianceForms ?? []) : base.allianceForms,
    contact: mergeContact(input.contact ?? null, present, base.contact ?? null),
  };
}

function mergeContact(
  row: Contact | null,
  present: ReadonlySet<Column>,
  current: Contact | null,
): Contact | null {
  const pick = (field: keyof Contact) =>
    present.has(`contact_${field}` as Column) ? (row?.[field] ?? null) : (current?.[field] ?? null);
  const contact = { name: pick('name'), email: pick('email'), phone: pick('phone') };
  return contact.name || contact.email || contact.phone ? contact : null;
}

/** Order-insensitive comparison, so an unchanged row writes nothing. */
export function sameActor(a: ActorWrite, b: ActorWrite): boolean {
  return canonical(a) === canonical(b);
}

function canonical(a: ActorWrite): string {
  const sorted = <T>(items: T[], key: (t: T) => string) => items.map(key).sort();
  const contact =
    a.contact && (a.contact.name || a.contact.email || a.contact.phone)
      ? [a.contact.name ?? null, a.contact.email ?? null, a.contact.phone ?? null]
      : null;
  return JSON.stringify([
    a.id,
    a.externalId ?? null,
    a.name,
    a.kind,
    a.siren ?? null,
    a.rna ?? null,
    a.description ?? null,
    a.sizeBand ?? null,
    a.visibility,
    a.managedBy ?? null,
    a.communeCode ?? null,
    sorted(a.actsIn, String),
    sorted(a.allianceForms, String),
    sorted(a.causes, (c) => String(c).padStart(2, '0')),
    sorted(a.offers, (o) => `${o.competenceId}|${o.modality}|${o.level}`),
    sorted(a.needs, (n) => `${n.competenceId}|${n.priority}`),
    sorted(a.memberOf, String),
    contact,
  ]);
}
