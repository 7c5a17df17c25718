// What a resolver answers instead of a name it cannot accept. Shared by resolvers.ts and
// taxonomy-resolvers.ts (which resolvers.ts builds), so neither imports the other for it.

/** A problem instead of a name (the row is rejected with this reason). */
export interface NameProblem {
  reason: string;
}
