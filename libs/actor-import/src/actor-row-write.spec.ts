import { ActorFamily, ActorKind, Modality, Visibility } from '@maillage/domain';
import { ActorWrite } from '@maillage/actors';
import { ActorCsvImporter } from './actor-csv-importer';
import { rowToActorWrite, sameActor } from './actor-row-write';

const importer = new ActorCsvImporter();
function parse(csv: string) {
  const parsed = importer.parse(csv);
  expect(parsed.rows[0].errors).toEqual([]);
  return { input: parsed.rows[0].valid!.input, present: parsed.present };
}

const existing: ActorWrite = {
  id: 'act_1',
  externalId: 'x1',
  name: 'Old name',
  kind: ActorKind.ASSOCIATION,
  family: ActorFamily.PEER,
  siren: '552081317',
  rna: 'W381000001',
  description: 'kept unless the column is there',
  sizeBand: null,
  visibility: Visibility.PRIVATE,
  allianceForms: [],
  managedBy: 'org-a',
  communeCode: '38185',
  actsIn: ['38'],
  offers: [{ competenceId: 'finance.tax', modality: Modality.SKILLS, level: 2 }],
  needs: [{ competenceId: 'legal.governance', priority: 3 }],
  causes: [11, 2],
  memberOf: ['act_head'],
  contact: { name: 'Camille', email: 'c@example.org', phone: null },
};

describe('rowToActorWrite', () => {
  it('creates with the API defaults and the importing organisation as manager', () => {
    const { input, present } = parse('external_id,name,kind\nx9,New one,COMPANY\n');
    expect(rowToActorWrite(input, present, null, { id: 'act_new', managedBy: 'org-b' })).toEqual({
      id: 'act_new',
      externalId: 'x9',
      name: 'New one',
      kind: ActorKind.COMPANY,
      family: ActorFamily.PRIVATE,
      siren: null,
      rna: null,
      description: null,
      sizeBand: null,
      visibility: Visibility.PUBLIC,
      managedBy: 'org-b',
      communeCode: null,
      allianceForms: [],
      actsIn: [],
      offers: [],
      needs: [],
      causes: [],
      memberOf: [],
      contact: null,
    });
  });

  it('updates only the columns in the file; empty cells clear, keys and visibility stay, manager kept', () => {
    const { input, present } = parse(
      'siren,name,kind,rna,visibility,offers,contact_email\n552081317,New name,FOUNDATION,,,,new@example.org\n',
    );
    const next = rowToActorWrite(input, present, existing, { id: 'ignored', managedBy: 'org-b' });
    expect(next).toMatchObject({
      id: 'act_1',
      name: 'New name',
      kind: ActorKind.FOUNDATION,
      family: ActorFamily.PEER,
      rna: 'W381000001',
      externalId: 'x1',
      visibility: Visibility.PRIVATE,
      description: 'kept unless the column is there',
      offers: [],
      needs: existing.needs,
      actsIn: ['38'],
      memberOf: ['act_head'],
      managedBy: 'org-a',
      contact: { name: 'Camille', email: 'new@example.org', phone: null },
    });
  });
});

describe('sameActor', () => {
  it('ignores list order, so a re-import of the same data is unchanged', () => {
    const reordered = { ...existing, causes: [2, 11], contact: { name: 'Camille', email: 'c@example.org' } };
    expect(sameActor(existing, reordered)).toBe(true);
    expect(
      sameActor(existing, { ...existing, needs: [{ competenceId: 'legal.governance', priority: 2 }] }),
    ).toBe(false);
  });
});
