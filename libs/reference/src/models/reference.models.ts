import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Modality, TerritoryLevel } from '@maillage/domain';
import '@maillage/common';

@ObjectType()
export class Territory {
  @Field({ description: 'Commune/département INSEE code, EPCI SIREN, or "R" + code for a région' })
  code: string;
  @Field() inseeCode: string;
  @Field(() => TerritoryLevel) level: TerritoryLevel;
  @Field({ description: 'Nom officiel (COG)' }) name: string;
  @Field(() => Int, { nullable: true }) population: number | null;
  @Field(() => [String]) parentCodes: string[];
}

@ObjectType()
export class Competence {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field({ description: 'Libellé français' }) label: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Int, { description: '1 = domain, 2 = competence, 3 = specialisation' }) level: number;
  @Field(() => [Modality]) modalities: Modality[];
}

@ObjectType()
export class Cause {
  @Field(() => Int) sdg: number;
  @Field({ description: 'Libellé français (ODD)' }) label: string;
  @Field() labelEn: string;
  @Field() description: string;
}
