import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What one part (a store or a table) found or changed.' })
export class PersonalDataPartCount {
  @Field({ description: 'e.g. users, registrations, actor-contacts, import-files, job-runs, queued-jobs' })
  part: string;

  @Field(() => Int)
  count: number;

  @Field(() => String, {
    nullable: true,
    description: 'Error kind when this part failed (the others ran; repeat the request).',
  })
  error: string | null;
}

@ObjectType()
export class PersonalDataPartExport extends PersonalDataPartCount {
  @Field({ description: 'The records, as a JSON array.' })
  records: string;
}

@ObjectType({ description: 'Everything held about one person, part by part.' })
export class PersonalDataExport {
  @Field({ description: 'HMAC of the e-mail, as recorded in the audit.' })
  subjectHash: string;

  @Field(() => GraphQLISODateTime)
  exportedAt: Date;

  @Field(() => [PersonalDataPartExport])
  parts: PersonalDataPartExport[];

  @Field({
    description: 'The whole export as one JSON document { email, exportedAt, parts: { part: records } }.',
  })
  json: string;
}

@ObjectType()
export class PersonalDataErasure {
  @Field()
  subjectHash: string;

  @Field(() => GraphQLISODateTime)
  erasedAt: Date;

  @Field(() => [PersonalDataPartCount])
  parts: PersonalDataPartCount[];

  @Field(() => Int, { description: 'Records removed or anonymised (0 when repeated).' })
  total: number;

  @Field({ description: 'False when a part failed: repeat the request (it is idempotent).' })
  complete: boolean;
}

@ObjectType({ description: 'One entry of the personal-data audit (never the e-mail).' })
export class PersonalDataRequest {
  @Field(() => ID)
  id: string;

  @Field({ description: 'EXPORT, ERASE or RETENTION' })
  action: string;

  @Field(() => String, { nullable: true })
  subjectHash: string | null;

  @Field(() => ID, { nullable: true, description: 'The admin who asked (null: the retention task).' })
  requestedBy: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => [PersonalDataPartCount])
  parts: PersonalDataPartCount[];
}
