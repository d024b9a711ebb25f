import { graphql, type ResultOf } from '../graphql/graphql';

export const ME = graphql(`
  query Me {
    me {
      authenticated
      user {
        id
        email
        role
        organisationId
        actorIds
      }
    }
  }
`);

export const ISSUE_TOKEN = graphql(`
  mutation IssueToken {
    issueToken {
      token
      expiresInSeconds
    }
  }
`);

export const SIGN_IN = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      authenticated
    }
  }
`);

export const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const INVITATION = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      email
      organisationName
      role
      expiresAt
    }
  }
`);

export const ACCEPT_INVITATION = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      authenticated
    }
  }
`);

export const CREATE_INVITATION = graphql(`
  mutation CreateInvitation($input: CreateInvitationInput!) {
    createInvitation(input: $input) {
      id
      email
      role
      expiresAt
      link
    }
  }
`);

export type CreatedInvitation = ResultOf<typeof CREATE_INVITATION>['createInvitation'];
