export * from './invitations.module';
export * from './invitations.service';
export * from './invitations.errors';
export * from './entities/invitation.entity';
export * from './models/invitation.models';
export * from './dto/invitation.inputs';
export * from './invitations-sweep';
