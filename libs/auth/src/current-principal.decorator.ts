import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ANONYMOUS, Principal } from './principal';

export interface RequestWithPrincipal {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

export function principalOf(context: ExecutionContext): Principal {
  const req = requestOf(context);
  return req?.principal ?? ANONYMOUS;
}

export function requestOf(context: ExecutionContext): RequestWithPrincipal | undefined {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req?: RequestWithPrincipal }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithPrincipal>();
}

/** Injects the caller (anonymous when no credential was sent). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  principalOf(context),
);
