import { ActorFamily, ActorKind, AllianceForm, SizeBand, TerritoryLevel, Visibility } from '@maillage/domain';

/** Another actor named inside an actor (alliance partner, network head), with what visibility needs. */
export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
  family: ActorFamily;
  visibility: Visibility | null;
  managedBy: string | null;
}

/** An actor as read from the graph (plain JS, converted at the repository edge). */
export interface ActorRecord {
  id: string;
  externalId: string | null;
  name: string;
  kind: ActorKind;
  family: ActorFamily;
  siren: string | null;
  rna: string | null;
  description: string | null;
  sizeBand: SizeBand | null;
  visibility: Visibility;
  allianceForms: AllianceForm[];
  managedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  location: { code: string; name: string; level: TerritoryLevel } | null;
  actsIn: { code: string; name: string; level: TerritoryLevel }[];
  offers: { competence: { id: string; label: string }; modality: string; level: number }[];
  needs: { competence: { id: string; label: string }; priority: number }[];
  causes: { sdg: number; label: string }[];
  alliances: {
    partner: ActorRef;
    form: AllianceForm;
    since: Date | null;
    until: Date | null;
    active: boolean;
    source: string;
  }[];
  memberOf: ActorRef[];
  contact: { name: string | null; email: string | null; phone: string | null } | null;
}

/** What a write needs: validated, references checked. */
export interface ActorWrite {
  id: string;
  externalId?: string | null;
  name: string;
  kind: ActorKind;
  family: ActorFamily;
  siren?: string | null;
  rna?: string | null;
  description?: string | null;
  sizeBand?: SizeBand | null;
  visibility: Visibility;
  allianceForms: AllianceForm[];
  managedBy?: string | null;
  communeCode?: string | null;
  actsIn: string[];
  offers: { competenceId: string; modality: string; level: number }[];
  needs: { competenceId: string; priority: number }[];
  causes: number[];
  memberOf: string[];
  contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
}
