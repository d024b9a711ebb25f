import { registerEnumType } from '@nestjs/graphql';
import {
  ActorFamily,
  ActorKind,
  AllianceForm,
  Modality,
  SizeBand,
  TerritoryLevel,
  Visibility,
} from '@maillage/domain';

registerEnumType(ActorKind, { name: 'ActorKind' });
registerEnumType(ActorFamily, {
  name: 'ActorFamily',
  description: 'Derived from the kind: peers, public, private, academic.',
});
registerEnumType(Modality, { name: 'Modality' });
registerEnumType(AllianceForm, { name: 'AllianceForm' });
registerEnumType(SizeBand, { name: 'SizeBand' });
registerEnumType(Visibility, { name: 'Visibility' });
registerEnumType(TerritoryLevel, { name: 'TerritoryLevel' });
