import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import { AuthService } from './auth.service';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { UsersPersonalData } from './users.personal-data';

/** Accounts and credentials; shared by the API (guard) and the CLI (first admin). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, UserEntity, ApiKeyEntity]), JwtModule.register({})],
  providers: [AuthService, AuthGuard, UsersPersonalData],
  exports: [AuthService, AuthGuard],
})
export class AuthCoreModule {}

/** API side: me, login and the account mutations. */
@Module({ imports: [AuthCoreModule], providers: [AuthResolver] })
export class AuthGraphqlModule {}
