import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import { AuthService } from './auth.service';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { SessionEntity } from './entities/session.entity';
import { SessionsService } from './sign-in/sessions.service';
import { SignInService } from './sign-in/sign-in.service';
import { SignInResolver } from './sign-in/sign-in.resolver';
import { SessionsSweep } from './sign-in/sessions-sweep';

/** Accounts and credentials; shared by the API (guard) and the CLI (first admin). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([OrganisationEntity, UserEntity, ApiKeyEntity, SessionEntity]),
    JwtModule.register({}),
  ],
  providers: [AuthService, AuthGuard, SessionsService],
  exports: [AuthService, AuthGuard, SessionsService],
})
export class AuthCoreModule {}

/** API side: me, sign-in/out and the account mutations. */
@Module({ imports: [AuthCoreModule], providers: [AuthResolver, SignInService, SignInResolver] })
export class AuthGraphqlModule {}

/** Worker side: the sweep task deleting ended sessions. */
@Module({ providers: [SessionsSweep] })
export class AuthWorkerModule {}
