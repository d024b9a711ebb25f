import { ActorKind, AllianceForm, Modality, Visibility } from '@maillage/domain';
import { ActorCsvImporter } from './actor-csv-importer';

const HEADER =
  'external_id,name,kind,siren,rna,description,size_band,visibility,commune,acts_in,offers,needs,causes,alliance_forms,contact_name,contact_email,contact_phone';

const importer = new ActorCsvImporter();
const errorsOf = (csv: string) => importer.parse(csv).rows.flatMap((r) => r.errors);

describe('ActorCsvImporter', () => {
  it('turns a row into a validated CreateActorInput', () => {
    const csv = `${HEADER}\nlab-1,Les Jardins du Drac,ASSOCIATION,,W381000001,Jardins partagés,SMALL,NETWORK,38185,38|200040715,finance.accounting:SKILLS:3|premises.meeting-rooms:PREMISES,legal.governance:3|hr.recruitment,2|11,POOLING|RESOURCES,Camille Martin,camille@example.org,+33 4 76 00 00 00\n`;
    const [row] = importer.parse(csv).rows;
    expect(row.errors).toEqual([]);
    expect(row.row).toBe(2);
    expect({ ...row.valid!.input }).toMatchObject({
      externalId: 'lab-1',
      name: 'Les Jardins du Drac',
      kind: ActorKind.ASSOCIATION,
      rna: 'W381000001',
      visibility: Visibility.NETWORK,
      communeCode: '38185',
      actsIn: ['38', '200040715'],
      causes: [2, 11],
      allianceForms: [AllianceForm.POOLING, AllianceForm.RESOURCES],
    });
    expect(row.valid!.input.offers!.map((o) => ({ ...o }))).toEqual([
      { competenceId: 'finance.accounting', modality: Modality.SKILLS, level: 3 },
      { competenceId: 'premises.meeting-rooms', modality: Modality.PREMISES, level: 2 },
    ]);
    expect(row.valid!.input.needs!.map((n) => ({ ...n }))).toEqual([
      { competenceId: 'legal.governance', priority: 3 },
      { competenceId: 'hr.recruitment', priority: 2 },
    ]);
    expect({ ...row.valid!.input.contact }).toEqual({
      name: 'Camille Martin',
      email: 'camille@example.org',
      phone: '+33 4 76 00 00 00',
    });
  });

  it('reads a French Excel export: ";", BOM, French headers and values, lost leading zeros, SIRET', () => {
    const csv =
      "\uFEFFIdentifiant;Nom;Type;SIRET;Code INSEE;Territoires;Offres;ODD;Formes d'alliance;Visibilité\n" +
      'x1;Boulangerie Solidaire;Entreprise;552 081 317 00011;1053;1|38;finance.tax:Compétences:1;ODD 8|odd 10;Mutualisation|coproduction;privée\n';
    const [row] = importer.parse(csv).rows;
    expect(row.errors).toEqual([]);
    expect(row.valid!.input).toMatchObject({
      kind: ActorKind.COMPANY,
      siren: '552081317',
      communeCode: '01053',
      actsIn: ['01', '38'],
      causes: [8, 10],
      allianceForms: [AllianceForm.POOLING, AllianceForm.CO_PRODUCTION],
      visibility: Visibility.PRIVATE,
    });
    expect(row.valid!.input.offers![0]).toMatchObject({ modality: Modality.SKILLS, level: 1 });
  });

  it('names the row, the column and the reason of each problem', () => {
    const csv = [
      'external_id,name,kind,siren,offers,contact_email',
      'a,Good,COMPANY,552081317,,',
      'b,Also good,COMPANY,,,',
      'c,Bad siren,COMPANY,552081318,,',
      'd,Bad kind,SPACESHIP,,,',
      'e,Bad offer,COMPANY,,finance.tax:GIFT:2,',
      'f,Bad level,COMPANY,,finance.tax:SKILLS:9,',
      'g,Bad email,COMPANY,,,camille.at.example.org',
    ].join('\n');
    expect(errorsOf(csv).map(({ row, column, reason }) => ({ row, column, reason }))).toEqual([
      { row: 4, column: 'siren', reason: 'invalid_siren' },
      { row: 5, column: 'kind', reason: 'invalid_kind' },
      { row: 6, column: 'offers', reason: 'invalid_modality' },
      { row: 7, column: 'offers', reason: 'invalid_level' },
      { row: 8, column: 'contact_email', reason: 'invalid_email' },
    ]);
  });

  it('never echoes contact values (personal data) in messages', () => {
    const [error] = errorsOf(
      'external_id,name,kind,contact_email,contact_phone\na,Acme,COMPANY,camille.at.example.org,\n',
    );
    expect(error.message).not.toContain('camille');
    const [phone] = errorsOf('external_id,name,kind,contact_phone\na,Acme,COMPANY,call me maybe\n');
    expect(phone).toMatchObject({ column: 'contact_phone', reason: 'invalid_phone' });
    expect(phone.message).not.toContain('call me');
  });

  it('rejects a later row repeating a key of an earlier one', () => {
    const csv =
      'external_id,name,kind,siren\na,First,COMPANY,552081317\nb,Second,COMPANY,552 081 317\na,Third,COMPANY,\n';
    const rows = importer.parse(csv).rows;
    expect(rows[0].valid).toBeDefined();
    expect(rows[1].errors).toEqual([
      {
        row: 3,
        column: 'siren',
        reason: 'duplicate_siren',
        message: 'siren: same SIREN as row 2; each actor must appear once in the file',
      },
    ]);
    expect(rows[2].errors[0]).toMatchObject({
      row: 4,
      column: 'external_id',
      reason: 'duplicate_external_id',
    });
  });

  it('requires a key so that re-imports are idempotent, and a name and kind', () => {
    expect(errorsOf('name,kind,siren\nA,COMPANY,\n')[0]).toMatchObject({
      row: 2,
      column: 'siren',
      reason: 'missing_key',
    });
    expect(errorsOf('external_id,name,kind\nx,,COMPANY\n')[0]).toMatchObject({
      column: 'name',
      reason: 'required',
    });
  });

  it('rejects a row with more cells than the header (an unquoted delimiter)', () => {
    expect(errorsOf('external_id,name,kind\nx,Dupont, Durand et fils,COMPANY\n')[0]).toMatchObject({
      row: 2,
      column: null,
      reason: 'too_many_cells',
    });
  });

  it('applies the API limits (too long, malformed codes, out-of-range SDG)', () => {
    const long = 'x'.repeat(201);
    const csv = `external_id,name,kind,commune,causes\na,${long},COMPANY,,\nb,Bee,COMPANY,381,\nc,Cee,COMPANY,,18\n`;
    expect(errorsOf(csv).map(({ row, column, reason }) => ({ row, column, reason }))).toEqual([
      { row: 2, column: 'name', reason: 'invalid_length' },
      { row: 3, column: 'commune', reason: 'invalid_territory_code' },
      { row: 4, column: 'causes', reason: 'invalid_cause' },
    ]);
  });
});
