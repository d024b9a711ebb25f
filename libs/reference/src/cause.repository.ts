import { Injectable } from '@nestjs/common';
import { Neo4jService } from '@maillage/neo4j';

/** An SDG as read from the graph. */
export interface Cause {
  sdg: number;
  label: string;
  labelEn: string;
  description: string;
  color: string;
}

@Injectable()
export class CauseRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /** The 17 SDGs, by number. */
  async all(): Promise<Cause[]> {
    return this.neo4j.read<Cause>(
      `MATCH (c:Cause)
       RETURN c.sdg AS sdg, c.label AS label, c.labelEn AS labelEn, c.description AS description, c.color AS color
       ORDER BY sdg`,
    );
  }

  /** The SDGs that exist among `sdgs`, in the order given. */
  async bySdgs(sdgs: readonly number[]): Promise<Cause[]> {
    const all = await this.all();
    const bySdg = new Map(all.map((c) => [c.sdg, c]));
    return sdgs.flatMap((n) => (bySdg.has(n) ? [bySdg.get(n)!] : []));
  }
}
