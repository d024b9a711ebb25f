import { graphql } from '../../graphql/graphql';

export const ACTOR = graphql(`
  query Actor($id: ID!) {
    actor(id: $id) {
      id
      name
      kind
      family
      description
      visibility
      location {
        code
        name
        level
      }
      actsIn {
        code
        name
        level
      }
      causes {
        sdg
        label
      }
      needs {
        priority
        competence {
          id
          label
        }
      }
      offers {
        modality
        level
        competence {
          id
          label
        }
      }
    }
  }
`);

export const COMPETENCES = graphql(`
  query Competences {
    competences {
      id
      label
      level
      parentId
      modalities
    }
  }
`);

export const EXPLANATION_FIELDS = graphql(`
  fragment ExplanationFields on PairExplanation {
    score
    a {
      id
      family
      kind
    }
    b {
      id
      family
      kind
    }
    forward {
      coverage
      matches {
        via
        priority
        need {
          label
        }
        offer {
          label
        }
      }
    }
    backward {
      coverage
      matches {
        via
        priority
        need {
          label
        }
        offer {
          label
        }
      }
    }
    sharedCauses
    sharedForms
    territory {
      code
      level
      via
    }
    commonPartners
    metBefore
    warnings
  }
`);

export const PARTNERS = graphql(
  `
    query Partners($actorId: ID!, $filter: PartnerFilter) {
      partners(actorId: $actorId, filter: $filter, limit: 20) {
        rank
        score
        form
        computedAt
        partner {
          id
          name
          kind
          family
        }
        reasons {
          ...ExplanationFields
        }
      }
    }
  `,
  [EXPLANATION_FIELDS],
);
