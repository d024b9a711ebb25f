import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@maillage/auth';

@ObjectType('Invitation', { description: 'An invitation as its author sees it (the link is shown once).' })
export class InvitationModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field() expiresAt: Date;
  @Field({
    description:
      'Relative link `/invitation/<token>` to hand to the invited person (no e-mail is sent); shown once.',
  })
  link: string;
}

@ObjectType({ description: 'What the invitation page shows before the person sets a password.' })
export class InvitationPreview {
  @Field() email: string;
  @Field() organisationName: string;
  @Field(() => Role) role: Role;
  @Field() expiresAt: Date;
}
