import { Injectable } from '@nestjs/common';
import {
  PersonalDataContributor,
  PersonalDataPart,
  PersonalDataSubject,
  redactJson,
  subjectTerms,
} from '@maillage/common';
import { Neo4jService } from '@maillage/neo4j';

const CONTACTS = `
MATCH (a:Actor)-[:HAS_CONTACT]->(c:ContactPerson) WHERE toLower(c.email) = $email
RETURN a.id AS actorId, a.name AS actorName, c.name AS name, c.email AS email, c.phone AS phone
ORDER BY actorId`;

/** Every node and relationship property (text or list of texts) mentioning one of the terms. */
const MENTIONS = `
CALL () {
  MATCH (n) RETURN n AS e, 'node' AS type
  UNION ALL
  MATCH ()-[r]->() RETURN r AS e, 'rel' AS type
}
WITH e, type
UNWIND keys(e) AS key
WITH e, type, key, e[key] AS value
WHERE (value IS :: STRING AND any(t IN $terms WHERE toLower(value) CONTAINS t))
   OR (value IS :: LIST<STRING NOT NULL> AND any(v IN value WHERE any(t IN $terms WHERE toLower(v) CONTAINS t)))
RETURN elementId(e) AS id, type, key, value`;

const SET_NODE = 'MATCH (n) WHERE elementId(n) = $id SET n[$key] = $value';
const SET_REL = 'MATCH ()-[r]->() WHERE elementId(r) = $id SET r[$key] = $value';

/**
 * Actors' contact persons in Neo4j (`(:Actor)-[:HAS_CONTACT]->(:ContactPerson {name, email, phone})`).
 * Erasure deletes the person's contact nodes (the actor stays, without a contact) and redacts any
 * other property that mentions the e-mail or the person's names (a description, a label).
 * Retention: contacts of actors not updated since the cut-off are deleted.
 */
@Injectable()
@PersonalDataPart('actor-contacts')
export class ContactsPersonalData implements PersonalDataContributor {
  constructor(private readonly neo4j: Neo4jService) {}

  async identify(email: string) {
    const rows = await this.neo4j.read<{ name: string | null }>(CONTACTS, { email });
    return { names: rows.flatMap((r) => (r.name ? [r.name] : [])) };
  }

  async export(subject: PersonalDataSubject) {
    const contacts = await this.neo4j.read<Record<string, unknown>>(CONTACTS, { email: subject.email });
    const mentions = await this.neo4j.read<Record<string, unknown>>(MENTIONS, {
      terms: subjectTerms(subject),
    });
    return [
      ...contacts.map((c) => ({ kind: 'contactPerson', ...c })),
      ...mentions
        .filter((m) => !(m.type === 'node' && ['name', 'email'].includes(m.key as string)))
        .map((m) => ({ kind: 'mention', key: m.key, value: m.value })),
    ];
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    const [{ deleted }] = await this.neo4j.write<{ deleted: number }>(
      `MATCH (c:ContactPerson) WHERE toLower(c.email) = $email
       WITH collect(c) AS cs CALL (cs) { UNWIND cs AS c DETACH DELETE c } RETURN size(cs) AS deleted`,
      { email: subject.email },
    );
    const mentions = await this.neo4j.read<{ id: string; type: string; key: string; value: unknown }>(
      MENTIONS,
      {
        terms: subjectTerms(subject),
      },
    );
    for (const m of mentions)
      await this.neo4j.write(m.type === 'node' ? SET_NODE : SET_REL, {
        id: m.id,
        key: m.key,
        value: redactJson(m.value, subject),
      });
    return Number(deleted) + mentions.length;
  }

  async purgeExpired(before: Date): Promise<number> {
    const [{ deleted }] = await this.neo4j.write<{ deleted: number }>(
      `MATCH (a:Actor)-[:HAS_CONTACT]->(c:ContactPerson)
       WHERE coalesce(a.updatedAt, a.createdAt) < datetime($before)
       WITH collect(c) AS cs CALL (cs) { UNWIND cs AS c DETACH DELETE c } RETURN size(cs) AS deleted`,
      { before: before.toISOString() },
    );
    return Number(deleted);
  }
}
