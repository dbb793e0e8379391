/** A class: what type-graphql takes as a resolver or a type, and TypeORM as an entity. */
export type ClassType = abstract new (...args: any[]) => object;
